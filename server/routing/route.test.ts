import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { DEFAULT_ROUTING, DEFAULT_SKILL } from "../../protocol/settings.ts";
import {
  type AgentLoad,
  anyoneFree,
  pickAgent,
  planAssignments,
  skillFor,
  type Waiting,
} from "./route.ts";

const agent = (id: number, change: Partial<AgentLoad> = {}): AgentLoad => ({
  id,
  presence: "online",
  skills: ["general"],
  languages: ["en"],
  capacity: 2,
  assigned: 0,
  ...change,
});
const waiting = (conversationId: number, change: Partial<Waiting> = {}): Waiting => ({
  conversationId,
  priority: 1,
  skill: "general",
  language: "en",
  queuedAt: conversationId,
  ...change,
});

describe("skillFor", () => {
  const { reasonSkills } = DEFAULT_ROUTING;
  test("each specialist reason maps to its default group", () => {
    assert.equal(skillFor([{ reason: "financial" }], reasonSkills, DEFAULT_SKILL), "billing");
    assert.equal(skillFor([{ reason: "complex" }], reasonSkills, DEFAULT_SKILL), "technical");
    assert.equal(skillFor([{ reason: "sensitive" }], reasonSkills, DEFAULT_SKILL), "security");
    assert.equal(skillFor([{ reason: "emotional" }], reasonSkills, DEFAULT_SKILL), "general");
  });
  test("a specialist reason wins over a general one listed first", () => {
    const reasons = [{ reason: "emotional" as const }, { reason: "financial" as const }];
    assert.equal(skillFor(reasons, reasonSkills, DEFAULT_SKILL), "billing");
  });
  test("no reason at all goes to the general group", () => {
    assert.equal(skillFor([], reasonSkills, DEFAULT_SKILL), "general");
  });
});

describe("pickAgent", () => {
  test("only agents with the skill get it while one of them is online", () => {
    const team = [agent(1), agent(2, { skills: ["billing"], assigned: 1 })];
    assert.equal(pickAgent(waiting(1, { skill: "billing" }), team), 2);
  });
  test("it waits when every agent with the skill is full, even if others are free", () => {
    const team = [agent(1), agent(2, { skills: ["billing"], assigned: 2 })];
    assert.equal(pickAgent(waiting(1, { skill: "billing" }), team), undefined);
  });
  test("any online agent takes it when nobody with the skill is online", () => {
    const team = [
      agent(1, { assigned: 1 }),
      agent(2, { skills: ["billing"], presence: "offline" }),
    ];
    assert.equal(pickAgent(waiting(1, { skill: "billing" }), team), 1);
  });
  test("away and offline agents get nothing", () => {
    const team = [agent(1, { presence: "away" }), agent(2, { presence: "offline" })];
    assert.equal(pickAgent(waiting(1), team), undefined);
  });
  test("an agent who speaks the customer's language is preferred", () => {
    const team = [agent(1), agent(2, { languages: ["en", "pl"], assigned: 1 })];
    assert.equal(pickAgent(waiting(1, { language: "pl" }), team), 2);
  });
  test("without a speaker online, the language is not a reason to wait", () => {
    assert.equal(pickAgent(waiting(1, { language: "lv" }), [agent(1)]), 1);
  });
  test("the least busy agent gets it", () => {
    const team = [agent(1, { assigned: 1 }), agent(2, { assigned: 0 }), agent(3, { assigned: 1 })];
    assert.equal(pickAgent(waiting(1), team), 2);
  });
  test("capacity is a hard limit", () => {
    assert.equal(pickAgent(waiting(1), [agent(1, { capacity: 1, assigned: 1 })]), undefined);
  });
});

describe("planAssignments", () => {
  test("the most urgent, then the longest waiting, are assigned first", () => {
    const queue = [
      waiting(1, { priority: 1, queuedAt: 10 }),
      waiting(2, { priority: 3, queuedAt: 30 }),
      waiting(3, { priority: 1, queuedAt: 5 }),
    ];
    const plan = planAssignments(queue, [agent(1, { capacity: 2 })]);
    assert.deepEqual(plan, [
      { conversationId: 2, agentId: 1 },
      { conversationId: 3, agentId: 1 },
    ]);
  });
  test("assignments spread over agents as their load grows", () => {
    const queue = [waiting(1), waiting(2), waiting(3)];
    const plan = planAssignments(queue, [agent(1), agent(2)]);
    assert.deepEqual(
      plan.map((item) => item.agentId),
      [1, 2, 1],
    );
  });
});

describe("anyoneFree", () => {
  test("is true only while an online agent has room", () => {
    assert.equal(anyoneFree([agent(1, { assigned: 2 }), agent(2, { presence: "away" })]), false);
    assert.equal(anyoneFree([agent(1, { presence: "offline" })]), false);
    assert.equal(anyoneFree([agent(1, { assigned: 2 }), agent(2, { assigned: 1 })]), true);
    assert.equal(anyoneFree([]), false);
  });
});
