import assert from "node:assert/strict";
import { test } from "node:test";
import { terms } from "./text.ts";

test("a word typed without its accents is the same term", () => {
  assert.deepEqual(terms("Płatność kartą?", "pl"), terms("platnosc karta", "pl"));
  assert.deepEqual(
    terms("Vai varu atgriezt preci sestdienā?", "lv"),
    terms("vai varu atgriezt preci sestdiena", "lv"),
  );
  assert.deepEqual(terms("Öppettider på lördag", "sv"), terms("oppettider pa lordag", "sv"));
});

test("English words meet their other forms through Snowball's stemmer", () => {
  assert.deepEqual(terms("deliveries arriving", "en"), terms("delivery arrives", "en"));
  assert.deepEqual(terms("the customer's orders", "en"), terms("customer order", "en"));
});

test("stopwords are dropped whether or not the customer typed their accents", () => {
  assert.deepEqual(terms("chcę zwrócić", "pl"), terms("zwrocic", "pl"));
  assert.deepEqual(terms("chce zwrocic", "pl"), terms("zwrocic", "pl"));
});
