import assert from "node:assert/strict";
import { test } from "node:test";
import { DEMO_FAQ } from "../demo/faq.ts";
import { KnowledgeBase, type KnowledgeEntry, type LearningMemory } from "./index.ts";

const ENTRIES: KnowledgeEntry[] = (["en", "pl"] as const).flatMap((language, l) =>
  DEMO_FAQ[language].map((entry, i) => ({ ...entry, id: l * 1000 + i, language })),
);

test("after an edit only the edited language is learnt again, and the result is the same", () => {
  const memory: LearningMemory = new Map();
  const kept = new KnowledgeBase(ENTRIES);
  kept.learn({ memory });
  const englishBefore = memory.get("en");
  const polishBefore = memory.get("pl");

  const edited = ENTRIES.find((entry) => entry.language === "pl");
  assert.ok(edited);
  const change = { ...edited, questions: [...edited.questions, "a czy w niedzielę też?"] };
  kept.upsert(change);
  const again = kept.learn({ memory });
  assert.equal(memory.get("en"), englishBefore, "English was not learnt again");
  assert.notEqual(memory.get("pl"), polishBefore, "Polish was");

  const fresh = new KnowledgeBase(
    ENTRIES.map((entry) => (entry.id === change.id ? change : entry)),
  );
  const scratch = fresh.learn();
  assert.deepEqual(again.calibrations, scratch.calibrations);
  kept.apply(again);
  fresh.apply(scratch);
  for (const [text, language] of [
    ["When are you open on Saturday?", "en"],
    ["Ile kosztuje wysyłka?", "pl"],
  ] as const) {
    assert.deepEqual(kept.match(text, language), fresh.match(text, language));
  }
});
