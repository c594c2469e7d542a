import assert from "node:assert/strict";
import { test } from "node:test";
import { sql } from "drizzle-orm";
import type { Handoff } from "../protocol/index.ts";
import {
  appendAgentMessage,
  appendBotAnswer,
  appendCustomerMessage,
  claimConversation,
  createAgent,
  createVisitor,
  deactivateAgent,
  getConversation,
  handOff,
  insertFaqEntries,
  listResolvedConversations,
  resolveByBot,
  resolveConversation,
  transferConversation,
} from "./index.ts";
import { rawRows, rawRun } from "./raw-sql.ts";
import { openTestDatabase } from "./test-database.ts";

const HANDOFF: Handoff = {
  reasons: [{ reason: "human_request", score: 1, evidence: [] }],
  priority: 1,
  summary: "Asked for a person",
  text: "",
  language: "en",
};

/** The database's own refusal, which drizzle wraps in an error naming the query. */
function refusedBy(reason: RegExp) {
  return (error: unknown) => reason.test(String((error as { cause?: unknown }).cause));
}

async function setup() {
  const db = await openTestDatabase();
  const visitorId = (await createVisitor(db, {}, 1)).id;
  const agent = await createAgent(db, {
    email: "a@example.com",
    name: "Ana",
    role: "agent",
    passwordHash: "x",
    createdAt: 1,
  });
  await insertFaqEntries(db, [
    { title: "Hours", answer: "9-5", questions: ["When?"], lang: "en", updatedAt: 1 },
  ]);
  return { db, visitorId, agentId: agent.id };
}

/** A customer's conversation handed to the queue at time 2, and an active agent. */
async function queuedAt2() {
  const { db, visitorId, agentId } = await setup();
  const { conversation } = await appendCustomerMessage(
    db,
    { visitorId, clientId: "c1", text: "hi" },
    1,
  );
  const conversationId = conversation.id;
  await handOff(db, { conversationId, handoff: HANDOFF, actor: "customer", skill: "general" }, 2);
  return { db, agentId, conversationId };
}

test("the database itself refuses a second message with the same client id", async () => {
  const { db, visitorId } = await setup();
  const first = await appendCustomerMessage(db, { visitorId, clientId: "c1", text: "hi" }, 10);
  const again = await appendCustomerMessage(db, { visitorId, clientId: "c1", text: "hi" }, 11);
  assert.equal(again.duplicate, true);
  assert.equal(again.message.seq, first.message.seq);
  await assert.rejects(
    rawRun(
      db,
      sql`insert into messages (conversation_id, seq, author, client_id, text, created_at) values (${first.conversation.id}, 99, 'customer', 'c1', 'x', 1)`,
    ),
    refusedBy(
      /UNIQUE constraint failed: messages.conversation_id, messages.client_id|messages_client_id_unique/,
    ),
  );
});

test("sequence numbers increase by one per message in a conversation", async () => {
  const { db, visitorId } = await setup();
  const seqs = [];
  for (const clientId of ["a", "b", "c"]) {
    seqs.push(
      (await appendCustomerMessage(db, { visitorId, clientId, text: clientId }, 5)).message.seq,
    );
  }
  assert.deepEqual(seqs, [1, 2, 3]);
});

test("the bot cannot post once the conversation was handed off", async () => {
  const { db, visitorId } = await setup();
  const { conversation } = await appendCustomerMessage(
    db,
    { visitorId, clientId: "c1", text: "hi" },
    1,
  );
  assert.ok(
    await appendBotAnswer(
      db,
      { conversationId: conversation.id, text: "9-5", faqId: 1, language: "en" },
      2,
    ),
  );
  assert.ok(
    (
      await handOff(
        db,
        { conversationId: conversation.id, handoff: HANDOFF, actor: "customer", skill: "general" },
        3,
      )
    ).ok,
  );
  assert.equal(
    await appendBotAnswer(
      db,
      { conversationId: conversation.id, text: "9-5", faqId: 1, language: "en" },
      4,
    ),
    null,
  );
});

test("only one agent can claim a conversation, and only from the queue", async () => {
  const { db, visitorId, agentId } = await setup();
  const other = await createAgent(db, {
    email: "b@example.com",
    name: "Bo",
    role: "agent",
    passwordHash: "x",
    createdAt: 1,
  });
  const { conversation } = await appendCustomerMessage(
    db,
    { visitorId, clientId: "c1", text: "hi" },
    1,
  );
  const early = await claimConversation(db, { conversationId: conversation.id, agentId }, 2);
  assert.deepEqual(early, { ok: false, reason: "conflict" });
  await handOff(
    db,
    { conversationId: conversation.id, handoff: HANDOFF, actor: "customer", skill: "general" },
    3,
  );
  assert.ok((await claimConversation(db, { conversationId: conversation.id, agentId }, 4)).ok);
  const late = await claimConversation(
    db,
    { conversationId: conversation.id, agentId: other.id },
    5,
  );
  assert.deepEqual(late, { ok: false, reason: "conflict" });
  assert.equal((await getConversation(db, conversation.id))?.assigneeName, "Ana");
  await assert.rejects(
    rawRun(db, sql`update conversations set assignee_id = null where id = ${conversation.id}`),
    refusedBy(/CHECK constraint failed|conversations_assignee_check/),
  );
});

test("an inactive agent's claim, reply or note is refused inside the write itself", async () => {
  const { db, agentId, conversationId } = await queuedAt2();
  await deactivateAgent(db, agentId, { agentId: null }, 3);
  const refused = { ok: false, reason: "forbidden" };
  assert.deepEqual(await claimConversation(db, { conversationId, agentId }, 4), refused);
  for (const internal of [false, true]) {
    const written = { conversationId, agentId, clientId: `a${internal}`, text: "x", internal };
    assert.deepEqual(await appendAgentMessage(db, written, 5), refused);
  }
  assert.equal((await getConversation(db, conversationId))?.status, "queued");
});

test("a conversation that goes back to the queue keeps its original waiting time", async () => {
  const { db, agentId, conversationId } = await queuedAt2();
  await claimConversation(db, { conversationId, agentId }, 4);
  const to = { skill: "billing" };
  await transferConversation(db, { conversationId, by: agentId, asAdmin: false, to }, 10);
  assert.equal((await getConversation(db, conversationId))?.queuedAt, 2);
  await claimConversation(db, { conversationId, agentId }, 12);
  await deactivateAgent(db, agentId, { agentId: null }, 20);
  const requeued = await getConversation(db, conversationId);
  assert.deepEqual([requeued?.status, requeued?.queuedAt], ["queued", 2]);
});

test("a customer writing in a resolved conversation reopens it to the queue, not the bot", async () => {
  const { db, visitorId, agentId } = await setup();
  const { conversation } = await appendCustomerMessage(
    db,
    { visitorId, clientId: "c1", text: "hi" },
    1,
  );
  await handOff(
    db,
    { conversationId: conversation.id, handoff: HANDOFF, actor: "customer", skill: "general" },
    2,
  );
  await claimConversation(db, { conversationId: conversation.id, agentId }, 3);
  assert.ok((await resolveConversation(db, { conversationId: conversation.id, agentId }, 4)).ok);
  const again = await appendCustomerMessage(
    db,
    { visitorId, clientId: "c2", text: "one more thing" },
    5,
  );
  assert.equal(again.reopened?.event, "reopened");
  assert.equal(again.reopened?.seq, again.message.seq + 1, "said right after the message");
  assert.equal(again.conversation.id, conversation.id);
  assert.equal(again.conversation.status, "queued");
  const events = await rawRows(
    db,
    sql`select type, actor from conversation_events where conversation_id = ${conversation.id} order by id`,
  );
  assert.deepEqual(
    events.map((row) => Object.values(row as object).join(" by ")),
    [
      "created by customer",
      "handoff by customer",
      "claimed by agent",
      "resolved by agent",
      "reopened by customer",
    ],
  );
});

test("a conversation the bot resolved (the customer thanked it) goes back to the bot, not the queue", async () => {
  const { db, visitorId } = await setup();
  const { conversation } = await appendCustomerMessage(
    db,
    { visitorId, clientId: "c1", text: "when do you open?" },
    1,
  );
  const input = { conversationId: conversation.id, text: "9-5", faqId: 1, language: "en" };
  assert.ok(await appendBotAnswer(db, input, 2));
  const resolved = await resolveByBot(db, { conversationId: conversation.id, faqId: 1 }, 3);
  assert.ok(resolved.ok && resolved.conversation.status === "resolved");
  assert.equal(resolved.message.event, "resolved");
  const teamList = await listResolvedConversations(db, { limit: 10 });
  assert.ok(!teamList.some((listed) => listed.id === conversation.id), "not the team's work");
  const again = await appendCustomerMessage(
    db,
    { visitorId, clientId: "c2", text: "and on Sundays?" },
    4,
  );
  assert.equal(again.conversation.status, "bot");
  assert.equal(again.conversation.id, conversation.id);
  assert.equal((await getConversation(db, conversation.id))?.queuedAt, undefined);
  const events = await rawRows<{ type: string; actor: string; data: unknown }>(
    db,
    sql`select type as "type", actor as "actor", data as "data" from conversation_events
      where conversation_id = ${conversation.id} order by id`,
  );
  const data = (value: unknown) => (typeof value === "string" ? JSON.parse(value) : value);
  assert.deepEqual(
    events.map((row) => [row.type, row.actor, data(row.data)]),
    [
      ["created", "customer", {}],
      ["answered", "bot", { faqId: 1, language: "en" }],
      ["resolved", "bot", { faqId: 1 }],
      ["reopened", "customer", { to: "bot" }],
    ],
  );
});
