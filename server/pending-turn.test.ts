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

test("after the bot resolved it, the customer's next words start afresh; the reopening notice is nobody speaking", () => {
  const answer = { ...say(2, "bot", "We open at 9."), faq: { id: 7, title: "Opening hours" } };
  const notice = (seq: number, event: "resolved" | "reopened"): WireMessage => ({
    ...say(seq, "system", event),
    event,
  });
  const { pending, context } = pendingTurn([
    say(1, "customer", "when do you open?"),
    answer,
    say(3, "customer", "thanks!"),
    notice(4, "resolved"),
    say(5, "customer", "do you ship abroad?"),
    notice(6, "reopened"),
  ]);
  assert.deepEqual(
    pending.map((message) => message.text),
    ["do you ship abroad?"],
  );
  assert.equal(context.lastAnswer, undefined);
});
