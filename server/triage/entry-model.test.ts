import assert from "node:assert/strict";
import { test } from "node:test";
import { EntryModel, HeldOutEntryModel } from "./entry-model.ts";
import { featuresOf } from "./features.ts";

const DELIVERY = 1;
const RETURNS = 2;
const ENTRIES = [
  {
    faqId: DELIVERY,
    texts: [
      "Delivery times",
      "How long does delivery take?",
      "When will my parcel arrive?",
      "How many days is shipping?",
      "Do you deliver next day?",
      "How fast is express delivery?",
    ],
  },
  {
    faqId: RETURNS,
    texts: [
      "Return policy",
      "How many days do I have to return an item?",
      "Can I send back something I bought?",
      "Is returning free?",
      "Where do I get a return label?",
      "Can I return a gift?",
    ],
  },
];
const PROBLEMS = [
  "My parcel arrived broken and I am furious",
  "You charged me twice for the same order",
  "Someone logged into my account and changed the address",
  "The courier left my package in the rain and it is ruined",
  "I want a manager now",
  "the order never came and I need it for a wedding tomorrow",
];

const probability = (model: EntryModel, text: string, faqId: number) =>
  model.probability(featuresOf(text, "en"), faqId) ?? 0;

test("the entry model names the entry a new question asks, and doubts a problem", () => {
  const model = EntryModel.train("en", ENTRIES, PROBLEMS);
  const delivery = "how many days until my order arrives";
  assert.ok(probability(model, delivery, DELIVERY) > probability(model, delivery, RETURNS));
  const returns = "can I send this item back for free";
  assert.ok(probability(model, returns, RETURNS) > probability(model, returns, DELIVERY));
  assert.ok(probability(model, PROBLEMS[0] ?? "", DELIVERY) < 0.5, "a problem is no entry's");
  assert.equal(model.probability(featuresOf(delivery, "en"), 99), undefined, "unknown entry");
});

test("held out, the model is asked about a text by a fold that never saw it", () => {
  const text = "How long does delivery take?";
  const trainedOnIt = probability(EntryModel.train("en", ENTRIES, PROBLEMS), text, DELIVERY);
  const heldOut = new HeldOutEntryModel("en", ENTRIES, PROBLEMS).probability(text, DELIVERY) ?? 0;
  assert.ok(heldOut > 0, "still an answer");
  assert.ok(heldOut < trainedOnIt, `held out ${heldOut} below trained-on ${trainedOnIt}`);
});

test("the same examples give the same model", () => {
  const text = "is a return label included?";
  const a = probability(EntryModel.train("en", ENTRIES, PROBLEMS), text, RETURNS);
  const b = probability(EntryModel.train("en", ENTRIES, PROBLEMS), text, RETURNS);
  assert.equal(a, b);
});
