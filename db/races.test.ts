import assert from "node:assert/strict";
import { test } from "node:test";
import { sql } from "drizzle-orm";
import type { Handoff } from "../protocol/index.ts";
import {
  appendCustomerMessage,
  assignConversation,
  claimDueEmails,
  createAgent,
  createVisitor,
  type Db,
  deactivateAgent,
  getConversation,
  handOff,
  queueEmail,
  readTranscript,
  recordPresence,
  resolveConversation,
} from "./index.ts";
import { rawRows } from "./raw-sql.ts";
import { openTwoNodes } from "./test-database.ts";

const HANDOFF: Handoff = {
  reasons: [{ reason: "human_request", score: 1, evidence: [] }],
  priority: 1,
  summary: "Asked for a person",
  text: "",
  language: "en",
};

async function agent(db: Db, email: string, capacity: number): Promise<number> {
  const created = await createAgent(db, {
    email,
    name: email,
    role: "agent",
    passwordHash: "x",
    capacity,
    createdAt: 1,
  });
  return created.id;
}

async function queued(db: Db, clientId: string): Promise<number> {
  const visitorId = (await createVisitor(db, {}, 1)).id;
  const { conversation } = await appendCustomerMessage(
    db,
    { visitorId, clientId, text: "a person please" },
    1,
  );
  const input = { conversationId: conversation.id, handoff: HANDOFF, actor: "customer" } as const;
  await handOff(db, { ...input, skill: "general" }, 2);
  return conversation.id;
}

test("two nodes routing at once never fill an agent past their capacity", async () => {
  const [a, b] = await openTwoNodes();
  const agentId = await agent(a, "one@example.com", 1);
  for (let round = 0; round < 10; round++) {
    const [first, second] = [await queued(a, `r${round}a`), await queued(a, `r${round}b`)];
    const results = await Promise.all([
      assignConversation(a, { conversationId: first, agentId }, 3),
      assignConversation(b, { conversationId: second, agentId }, 3),
    ]);
    assert.equal(results.filter((result) => result.ok).length, 1, `round ${round}`);
    const [winner, loser] = results[0]?.ok ? [first, second] : [second, first];
    assert.equal((await getConversation(a, loser))?.status, "queued", "the other still waits");
    // Frees the agent for the next round.
    assert.ok((await resolveConversation(a, { conversationId: winner, agentId }, 5)).ok);
  }
  await Promise.all([a.close(), b.close()]);
});

test("two nodes assigning one conversation to two agents: one wins, once", async () => {
  const [a, b] = await openTwoNodes();
  const ana = await agent(a, "ana@example.com", 5);
  const ben = await agent(a, "ben@example.com", 5);
  for (let round = 0; round < 10; round++) {
    const conversationId = await queued(a, `c${round}`);
    const results = await Promise.all([
      assignConversation(a, { conversationId, agentId: ana }, 3),
      assignConversation(b, { conversationId, agentId: ben }, 3),
    ]);
    assert.deepEqual(
      results.map((result) => result.ok).sort(),
      [false, true],
      `round ${round}: exactly one assignment`,
    );
    const joined = (await readTranscript(a, conversationId, 0, "agent")).filter(
      (message) => message.event === "joined",
    );
    assert.equal(joined.length, 1, "one 'joined' message");
  }
  await Promise.all([a.close(), b.close()]);
});

test("messages written from two nodes at once get strictly increasing sequence numbers", async () => {
  const [a, b] = await openTwoNodes();
  const visitorId = (await createVisitor(a, {}, 1)).id;
  await appendCustomerMessage(a, { visitorId, clientId: "first", text: "hello" }, 1);
  const writes = Array.from({ length: 40 }, (_, i) =>
    appendCustomerMessage(i % 2 ? a : b, { visitorId, clientId: `m${i}`, text: `m${i}` }, 2),
  );
  // The same client id from both nodes at once: stored once.
  writes.push(appendCustomerMessage(a, { visitorId, clientId: "twice", text: "x" }, 2));
  writes.push(appendCustomerMessage(b, { visitorId, clientId: "twice", text: "x" }, 2));
  await Promise.all(writes);
  const seqs = (await readTranscript(a, 1, 0, "agent")).map((message) => message.seq);
  assert.deepEqual(
    seqs,
    Array.from({ length: 42 }, (_, i) => i + 1),
  );
  await Promise.all([a.close(), b.close()]);
});

test("two nodes draining the email outbox take each email once", async () => {
  const [a, b] = await openTwoNodes();
  const visitorId = (await createVisitor(a, {}, 1)).id;
  const { conversation } = await appendCustomerMessage(
    a,
    { visitorId, clientId: "c", text: "hi" },
    1,
  );
  for (let i = 0; i < 30; i++) {
    const email = {
      conversationId: conversation.id,
      to: "c@example.com",
      subject: `${i}`,
      text: "x",
    };
    await queueEmail(a, email, 1);
  }
  const taken: number[] = [];
  const options = { limit: 4, leaseMs: 60_000 };
  const drain = async (db: Db) => {
    for (let batch = await claimDueEmails(db, 2, options); batch.length > 0; ) {
      taken.push(...batch.map((email) => email.id));
      batch = await claimDueEmails(db, 2, options);
    }
  };
  await Promise.all([drain(a), drain(b)]);
  assert.equal(taken.length, 30);
  assert.equal(new Set(taken).size, 30, "no email was taken twice");
  assert.deepEqual(await claimDueEmails(a, 60_001, options), [], "still leased");
  assert.equal((await claimDueEmails(a, 60_002, { limit: 50, leaseMs: 1 })).length, 30);
  await Promise.all([a.close(), b.close()]);
});

test("two nodes noticing the same presence change write one stretch; deactivation ends it", async () => {
  const [a, b] = await openTwoNodes();
  const agentId = await agent(a, "pat@example.com", 5);
  const stretches = async () =>
    rawRows<{ state: string; startedAt: unknown; endedAt: unknown }>(
      a,
      sql`select state as "state", started_at as "startedAt", ended_at as "endedAt"
        from agent_presence where agent_id = ${agentId} order by id`,
    );
  for (const [state, at] of [
    ["online", 10],
    ["away", 20],
    ["offline", 30],
  ] as const) {
    await Promise.all([
      recordPresence(a, new Map([[agentId, state]]), at),
      recordPresence(b, new Map([[agentId, state]]), at),
    ]);
  }
  assert.deepEqual(
    (await stretches()).map((row) => [row.state, Number(row.startedAt), Number(row.endedAt)]),
    [
      ["online", 10, 20],
      ["away", 20, 30],
    ],
  );
  await recordPresence(a, new Map([[agentId, "online"]]), 40);
  await deactivateAgent(a, agentId, { agentId: null }, 50);
  assert.equal(Number((await stretches()).at(-1)?.endedAt), 50);
  await Promise.all([a.close(), b.close()]);
});
