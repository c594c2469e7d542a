import assert from "node:assert/strict";
import { test } from "node:test";
import type { Handoff, WireMessage } from "../../protocol/index.ts";
import { evidenceByMessage } from "./evidence.ts";

const message = (seq: number, author: WireMessage["author"], text: string, event?: "handoff") =>
  ({ seq, author, text, at: seq, ...(event ? { event } : {}) }) as WireMessage;

test("evidence added by re-triage is marked in the later message that showed it", () => {
  const transcript = [
    message(1, "customer", "Do you sell lawnmowers?"),
    message(2, "system", "A person is joining", "handoff"),
    message(3, "customer", "It is for my garden"),
    message(4, "customer", "Someone used my card"),
  ];
  const text = "Do you sell lawnmowers?\nSomeone used my card";
  const handoff: Handoff = {
    reasons: [
      { reason: "sensitive", score: 1, evidence: [{ start: 24, end: 37 }] },
      { reason: "unsure", score: 1, evidence: [] },
    ],
    priority: 3,
    summary: "",
    text,
    language: "en",
  };
  const marks = evidenceByMessage(handoff, transcript);
  assert.deepEqual(marks.get(4), [{ start: 0, end: 13, reason: "sensitive" }]);
  assert.equal(marks.get(3), undefined);
  assert.equal(marks.get(1), undefined);
});

test("a text that does not fit the transcript marks nothing", () => {
  const transcript = [
    message(1, "customer", "Hello"),
    message(2, "system", "A person is joining", "handoff"),
  ];
  const handoff: Handoff = {
    reasons: [{ reason: "emotional", score: 1, evidence: [{ start: 0, end: 5 }] }],
    priority: 2,
    summary: "",
    text: "Goodbye",
    language: "en",
  };
  assert.equal(evidenceByMessage(handoff, transcript).size, 0);
});
