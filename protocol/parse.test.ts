import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import {
  agentClientFrame,
  MAX_JSON_DEPTH,
  MAX_TEXT_LENGTH,
  parseFrame,
  visitorClientFrame,
} from "./index.ts";

test("parsing never throws, whatever arrives", () => {
  fc.assert(
    fc.property(fc.oneof(fc.string(), fc.json(), fc.anything()), (raw) => {
      const visitor = parseFrame(visitorClientFrame, raw);
      const agent = parseFrame(
        agentClientFrame,
        typeof raw === "string" ? raw : JSON.stringify(raw),
      );
      for (const result of [visitor, agent]) {
        if (!result.ok) assert.equal(result.error.code, "invalid_frame");
      }
    }),
    { numRuns: 2000 },
  );
});

test("a valid send frame comes back as written, with the text trimmed", () => {
  fc.assert(
    fc.property(
      fc.string({ minLength: 1, maxLength: 64 }),
      fc
        .string({ minLength: 1, maxLength: MAX_TEXT_LENGTH })
        .filter((text) => text.trim().length > 0),
      (clientId, text) => {
        const parsed = parseFrame(
          visitorClientFrame,
          JSON.stringify({ type: "send", clientId, text }),
        );
        assert.deepEqual(parsed, {
          ok: true,
          frame: { type: "send", clientId, text: text.trim() },
        });
      },
    ),
  );
});

test("a rejected send names the field and keeps the clientId", () => {
  const parsed = parseFrame(
    visitorClientFrame,
    JSON.stringify({ type: "send", clientId: "c9", text: "" }),
  );
  assert.equal(parsed.ok, false);
  if (parsed.ok) return;
  assert.equal(parsed.error.clientId, "c9");
  assert.match(parsed.error.message, /^text: /);
});

test("a nesting bomb is refused before it is parsed; brackets inside strings do not count", () => {
  const bomb = `${"[".repeat(50_000)}${"]".repeat(50_000)}`;
  const refused = parseFrame(visitorClientFrame, bomb);
  assert.equal(refused.ok, false);
  assert.match(refused.ok ? "" : refused.error.message, new RegExp(`${MAX_JSON_DEPTH} levels`));

  const text = `[[[{{{ "quoted \\" [[[[[[[[[[[[[[[[[[[[ brackets`;
  const parsed = parseFrame(
    visitorClientFrame,
    JSON.stringify({ type: "send", clientId: "a", text }),
  );
  assert.ok(parsed.ok);
});
