import assert from "node:assert/strict";
import { test } from "node:test";
import { buildKnowledgeBase, personRequested, triage } from "./index.ts";

const kb = buildKnowledgeBase([
  {
    id: 1,
    title: "Opening hours",
    questions: ["What are your opening hours?", "When are you open?"],
  },
  { id: 2, title: "Shipping costs", questions: ["How much is shipping?", "Is delivery free?"] },
  {
    id: 3,
    title: "Return policy",
    questions: ["What is your refund policy?", "Can I return an item?"],
  },
]);
const fresh = { humanInvolved: false };

function reasonsOf(text: string, context = fresh) {
  const decision = triage(text, context, kb);
  return decision.kind === "handoff" ? decision.reasons.map((r) => r.reason) : decision.kind;
}

test("answers a question an FAQ entry clearly covers", () => {
  const decision = triage("What are your opening hours?", fresh, kb);
  assert.equal(decision.kind, "answer");
  assert.equal(decision.kind === "answer" && decision.faqId, 1);
});

test("a double charge is financial, with the words that show it as evidence", () => {
  const text = "I was charged twice for my order";
  const decision = triage(text, fresh, kb);
  assert.equal(decision.kind, "handoff");
  if (decision.kind !== "handoff") return;
  assert.equal(decision.reasons[0]?.reason, "financial");
  const span = decision.reasons[0]?.evidence[0];
  assert.equal(span && text.slice(span.start, span.end), "charged twice");
  assert.ok(decision.priority >= 2);
  assert.match(decision.summary, /charged twice/);
});

test("a policy question is FAQ, a personal refund is not", () => {
  assert.equal(reasonsOf("What is your refund policy?"), "answer");
  assert.deepEqual(reasonsOf("I want my refund, it has been three weeks"), ["financial"]);
});

test("asking for a person hands off; refusing one does not", () => {
  assert.deepEqual(reasonsOf("can I talk to a real person please"), ["human_request"]);
  assert.deepEqual(reasonsOf("Connect me with an agent"), ["human_request"]);
  assert.notDeepEqual(reasonsOf("Don't connect me to a human"), ["human_request"]);
});

test("security, anger and breakage each hand off with their reason", () => {
  assert.deepEqual(reasonsOf("Someone logged into my account"), ["sensitive"]);
  assert.deepEqual(reasonsOf("This is unacceptable"), ["emotional"]);
  assert.deepEqual(reasonsOf("WHERE IS MY PARCEL ALREADY"), ["emotional"]);
  assert.deepEqual(reasonsOf("The app crashes when I export"), ["complex"]);
});

test("a question the FAQ does not cover goes to a person as unsure", () => {
  assert.deepEqual(reasonsOf("Can you recommend a good lawnmower brand?"), ["unsure"]);
});

test("once a person was involved the engine never answers", () => {
  assert.deepEqual(reasonsOf("What are your opening hours?", { humanInvolved: true }), ["unsure"]);
});

test("the talk-to-a-person button is a human request of top urgency for its reason", () => {
  const decision = personRequested();
  assert.equal(decision.kind === "handoff" && decision.reasons[0]?.reason, "human_request");
});
