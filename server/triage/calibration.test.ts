import assert from "node:assert/strict";
import { test } from "node:test";
import { calibrate, type Judge } from "./calibration.ts";
import { KnowledgeBase, type KnowledgeEntry } from "./index.ts";
import { LanguageIndex } from "./language-index.ts";

const entry = (id: number, title: string, questions: string[]): KnowledgeEntry => ({
  id,
  language: "en",
  title,
  questions,
});

/** Card entries that ask nearly the same things in nearly the same words. */
const COLLIDING = [
  entry(1, "Card delivery", [
    "When will my card arrive?",
    "How long does card delivery take?",
    "My new card has not arrived yet, when will it come?",
    "How many days until I get my card?",
  ]),
  entry(2, "Card activation", [
    "How do I activate my card?",
    "My new card arrived, how do I activate it?",
    "When can I use my new card?",
    "How long until my card works?",
  ]),
  entry(3, "Card replacement", [
    "How do I get a new card?",
    "How long does a replacement card take?",
    "When will my replacement card arrive?",
    "Can I order a new card?",
  ]),
  entry(4, "Card limits", [
    "What is the limit on my card?",
    "How much can I pay with my card?",
    "Is there a daily limit for my card?",
    "How much can I take out with my new card?",
  ]),
];

/** A small FAQ whose entries share no words. */
const DISTINCT = [
  entry(1, "Opening hours", [
    "What are your opening hours?",
    "When are you open?",
    "What time do you close?",
  ]),
  entry(2, "Gift cards", [
    "Do you sell gift cards?",
    "Can I buy a voucher?",
    "How long is a gift card valid?",
  ]),
  entry(3, "Password reset", [
    "I forgot my password",
    "How do I reset my password?",
    "How can I change my password?",
  ]),
  entry(4, "Newsletter", [
    "How do I subscribe to the newsletter?",
    "How do I unsubscribe from your emails?",
  ]),
];

function calibrated(entries: KnowledgeEntry[]) {
  const base = new KnowledgeBase(entries);
  base.train();
  const [english] = base.calibration();
  assert.ok(english);
  return { base, english };
}

test("calibration asks for more certainty from a FAQ whose entries collide", () => {
  const colliding = calibrated(COLLIDING).english;
  const distinct = calibrated(DISTINCT).english;
  assert.ok(
    colliding.threshold > distinct.threshold,
    `colliding ${colliding.threshold}, distinct ${distinct.threshold}`,
  );
  const collided = (c: typeof colliding) => c.collisions.reduce((sum, p) => sum + p.examples, 0);
  assert.ok(collided(colliding) > collided(distinct));
  assert.ok(distinct.answered > colliding.answered);
});

test("the report names the colliding entries and the examples it would answer wrongly", () => {
  const { english } = calibrated(COLLIDING);
  const pairs = english.collisions.map(({ a, b }) => `${a}-${b}`);
  assert.ok(
    pairs.some((pair) => ["1-3", "1-2", "2-3"].includes(pair)),
    pairs.join(" "),
  );
  for (const wrong of english.wrong) {
    assert.notEqual(wrong.faqId, wrong.answeredWith);
    assert.ok(wrong.confidence >= english.threshold);
  }
  assert.equal(
    english.examples,
    COLLIDING.reduce((sum, e) => sum + e.questions.length + 1, 0),
  );
  assert.ok(english.negatives > 100, "the reason bank is asked as negatives");
});

test("each language is calibrated on its own; an uncalibrated one is careful", () => {
  const base = new KnowledgeBase([
    ...DISTINCT,
    { id: 9, language: "pl", title: "Godziny otwarcia", questions: ["Kiedy jesteście otwarci?"] },
  ]);
  const careful = base.threshold("en");
  base.train();
  const languages = base
    .calibration()
    .map((c) => c.language)
    .sort();
  assert.deepEqual(languages, ["en", "pl"]);
  assert.ok(base.threshold("en") < careful, "a distinct FAQ needs less than the careful default");
  assert.equal(base.threshold("pl"), careful, "two examples are too few to learn from");
});

test("a language's few examples are read beside its FAQ's other languages", () => {
  // Twelve Polish examples, one of which the FAQ answers with the other entry: alone, one in
  // twelve might be one in five for all calibration can tell.
  const polish = new LanguageIndex("pl");
  polish.add({
    id: 1,
    language: "pl",
    title: "Godziny otwarcia",
    questions: [
      "Kiedy jesteście otwarci?",
      "Do której otwarte?",
      "Godziny sklepu?",
      "Czy w niedzielę otwarte?",
      "Kiedy otwieracie?",
    ],
  });
  polish.add({
    id: 2,
    language: "pl",
    title: "Karty podarunkowe",
    questions: [
      "Czy macie karty podarunkowe?",
      "Ile ważna jest karta?",
      "Gdzie kupić bon?",
      "Karta na prezent?",
      "Czy karta podarunkowa w niedzielę otwarte?",
    ],
  });
  // The same FAQ in English with many examples and none answered wrongly.
  const english = new LanguageIndex("en");
  for (const [id, words] of [
    [3, "opening hours"],
    [4, "gift cards"],
  ] as const) {
    english.add({
      id,
      language: "en",
      title: words,
      questions: Array.from({ length: 60 }, (_, i) => `${words} question ${id}-${i}`),
    });
  }
  const judge: Judge = { confidence: () => 0.5, handsOff: () => false };
  const asked = (index: LanguageIndex) => ({ index, negatives: [], unrelated: [], judge });
  const [alone] = calibrate([asked(polish)]);
  const [together] = calibrate([asked(polish), asked(english)]);
  assert.equal(alone?.wrong.length, 0, "alone it answers nothing it could get wrong");
  assert.ok(alone && alone.threshold > 0.5, `alone ${alone?.threshold}`);
  assert.ok(together && together.threshold <= 0.5, `beside English ${together?.threshold}`);
});
