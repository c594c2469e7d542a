import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { test } from "node:test";

const folder = new URL("./", import.meta.url);
const files = readdirSync(folder).filter((name) => name.endsWith(".json"));
const read = (name: string): Record<string, string> =>
  JSON.parse(readFileSync(new URL(name, folder), "utf8"));
const english = read("en.json");
const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort().join(" ");

test("the widget ships the six languages customers write in", () => {
  assert.deepEqual(files.sort(), [
    "en.json",
    "he.json",
    "lv.json",
    "pl.json",
    "sv.json",
    "zh.json",
  ]);
});

for (const file of files) {
  test(`${file} has every key of en.json, no others, with the same placeholders`, () => {
    const texts = read(file);
    assert.deepEqual(Object.keys(texts).sort(), Object.keys(english).sort());
    for (const [key, text] of Object.entries(english)) {
      const translated = texts[key];
      assert.ok(translated?.trim(), `${file}: ${key} is empty`);
      assert.equal(
        placeholders(translated ?? ""),
        placeholders(text),
        `${file}: ${key} placeholders`,
      );
    }
    assert.ok(texts.dir === "ltr" || texts.dir === "rtl", `${file}: dir is ltr or rtl`);
    assert.equal(texts.rateWords?.split("|").length, 5, `${file}: a word for each of 5 scores`);
  });
}

test("Hebrew is laid out right to left", () => {
  assert.equal(read("he.json").dir, "rtl");
});
