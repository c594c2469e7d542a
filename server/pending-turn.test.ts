import assert from "node:assert/strict";
import { test } from "node:test";
import type { WireMessage } from "../protocol/index.ts";
import { pendingTurn } from "./chat.ts";

const say = (seq: number, author: WireMessage["author"], text: string): WireMessage => ({
  seq,
  author,
  text,
  at: seq * 1000,
});

test("the pending turn is every customer message since anyone else spoke", () => {
  const { pending, context } = pendingTurn([
    say(1, "customer", "hi"),
    say(2, "customer", "when do you open?"),
  ]);
  assert.deepEqual(
    pending.map((message) => message.text),
    ["hi", "when do you open?"],
  );
  assert.deepEqual(context, { humanInvolved: false });
});

test("a reply to a bot answer carries that answer and the question it answered", () => {
  const answer = { ...say(2, "bot", "We open at 9."), faq: { id: 7, title: "Opening hours" } };
  const { pending, context } = pendingTurn([
    say(1, "customer", "when do you open?"),
    answer,
    say(3, "customer", "that didn't help"),
  ]);
  assert.deepEqual(
    pending.map((message) => message.text),
    ["that didn't help"],
  );
  assert.deepEqual(context.lastAnswer, { faqId: 7, question: "when do you open?" });
});

test("an agent anywhere in the transcript means a person is involved", () => {
  const { context } = pendingTurn([
    say(1, "customer", "help"),
    say(2, "agent", "Hi, I'm Ana"),
    say(3, "customer", "thanks"),
  ]);
  assert.equal(context.humanInvolved, true);
});

test("system notices between the bot's answer and the customer's words are not anyone speaking", () => {
  const answer = { ...say(2, "bot", "We open at 9."), faq: { id: 7, title: "Opening hours" } };
  const notice = (seq: number, event: "resolved" | "reopened"): WireMessage => ({
    ...say(seq, "system", event),
    event,
  });
  const { pending, context } = pendingTurn([
    say(1, "customer", "when do you open?"),
    answer,
    notice(3, "resolved"),
    say(4, "customer", "and on Sundays?"),
    notice(5, "reopened"),
  ]);
  assert.deepEqual(
    pending.map((message) => message.text),
    ["and on Sundays?"],
  );
  assert.deepEqual(context.lastAnswer, { faqId: 7, question: "when do you open?" });
});
