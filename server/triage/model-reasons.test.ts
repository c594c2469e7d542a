import assert from "node:assert/strict";
import { test } from "node:test";
import { DEMO_FAQ } from "../demo/faq.ts";
import { type Decision, KnowledgeBase, retriage, triage } from "./index.ts";

// The demo shop's FAQ in six languages, trained as the server trains it.
const kb = new KnowledgeBase(
  Object.entries(DEMO_FAQ).flatMap(([language, entries], l) =>
    entries.map((entry, i) => ({ ...entry, id: l * 100 + i + 1, language })),
  ),
);
kb.train();

function decide(text: string): Decision {
  return triage(
    { pending: [{ text, at: 0 }], conversation: { humanInvolved: false }, now: 1e9 },
    kb,
  );
}

function handedOff(text: string): string[] {
  const decision = decide(text);
  assert.equal(decision.kind, "handoff", `${text}: ${JSON.stringify(decision)}`);
  return decision.kind === "handoff" ? decision.reasons.map((r) => r.reason) : [];
}

test("a problem told without cue words goes to a person with a reason, in six languages", () => {
  const problems = [
    "The reading lamp you sent me flickers for a minute and then goes dark",
    "Stolik przyszedł z jedną nogą krótszą, chwieje się przy każdym dotknięciu",
    "收到的台灯开了一会儿就自己灭了",
    "Lampan jag köpte blinkar en stund och slocknar sedan helt",
    "Lampa, ko nopirku, pamirgo un tad pavisam nodziest",
    "קיבלתי את המנורה והיא לא נדלקת בכלל",
  ];
  for (const text of problems) {
    const reasons = handedOff(text);
    assert.ok(
      reasons.some((reason) => reason !== "unsure"),
      `${text}: ${reasons}`,
    );
  }
});

test("a routine question beside a problem goes to a person, not the FAQ answer", () => {
  for (const text of [
    "What are your opening hours? Also the plate was missing from my parcel",
    "Jakie są godziny otwarcia? I jeszcze: w paczce zabrakło talerza",
    "Vilka öppettider har ni? Tallriken saknades i paketet förresten",
  ]) {
    handedOff(text);
  }
});

test("everyday questions of the demo shop are still answered", () => {
  for (const text of [
    "What are your opening hours?",
    "Jakie są godziny otwarcia?",
    "Hur mycket kostar frakten?",
  ]) {
    assert.equal(decide(text).kind, "answer", text);
  }
});

test("re-triage adds the new reason, its evidence in the joined text, and the history", () => {
  const first = decide("Can you recommend a good lawnmower?");
  assert.equal(first.kind, "handoff");
  if (first.kind !== "handoff") return;
  const { kind: _, ...previous } = first;
  assert.equal(retriage(previous, "It is for my garden", kb, 5), undefined);
  const next = retriage(previous, "Someone used my card without asking me", kb, 5);
  assert.ok(next);
  assert.equal(next.reasons[0]?.reason, "sensitive");
  assert.equal(next.priority, 3);
  const span = next.reasons[0]?.evidence[0];
  assert.match(next.text.slice(span?.start, span?.end), /someone used/i);
  const before = { reasons: previous.reasons.map((r) => r.reason), priority: previous.priority };
  assert.deepEqual(next.history, [{ ...before, at: 5 }]);
});
