import assert from "node:assert/strict";
import { test } from "node:test";
import { type Row, readRows } from "./dataset.ts";
import { tuneOn } from "./tune.ts";

const SET = new URL("./sets/telecom/en.jsonl", import.meta.url).pathname;

/** The same rows, except that reading any test row's text or label throws. */
function sealedTestRows(rows: readonly Row[]): Row[] {
  return rows.map((row) => {
    if (row.split !== "test") return row;
    const sealed = { ...row };
    for (const key of ["text", "label", "source_intent"] as const) {
      Object.defineProperty(sealed, key, {
        get() {
          throw new Error(`tuning read the test row's ${key}`);
        },
      });
    }
    return sealed;
  });
}

test("tuning on a set never reads that set's test rows", () => {
  const rows = readRows(SET);
  assert.ok(rows.some((row) => row.split === "test"));
  const open = tuneOn(rows, 5, 1);
  const sealed = tuneOn(sealedTestRows(rows), 5, 1);
  assert.deepEqual(sealed, open);
  assert.ok(open.devRows > 0);
  assert.equal(
    open.devRows,
    rows.filter((row) => row.split === "train").length - 10 * 5,
    "the development rows are the train rows that are not FAQ examples",
  );
});
