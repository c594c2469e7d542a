import { and, asc, desc, eq, gt, sql } from "drizzle-orm";
import type { Author, SystemEvent, WireMessage } from "../protocol/index.ts";
import type { Db } from "./database.ts";
import { prepared } from "./prepared.ts";
import { agents, conversations, faqEntries, messages } from "./schema.ts";

/** A transaction handle or the database itself: both run the same queries. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0] | Db;

export interface NewMessage {
  author: Author;
  text: string;
  clientId?: string;
  agentId?: number;
  faqId?: number;
  event?: SystemEvent;
  internal?: boolean;
}

export interface AppendResult {
  message: WireMessage;
  /** True when this client id was already stored: nothing new was written. */
  duplicate: boolean;
}

/**
 * Stores one message with the conversation's next sequence number. Must run inside a write
 * transaction; a client id already stored in this conversation returns the original message.
 */
export function insertMessage(
  tx: Tx,
  conversationId: number,
  input: NewMessage,
  now: number,
): AppendResult {
  if (input.clientId !== undefined) {
    const existing = prepared(tx, byClientIdQuery).get({
      conversationId,
      clientId: input.clientId,
    });
    if (existing) return { message: toWireMessage(existing), duplicate: true };
  }
  const customer = input.author === "customer" ? 1 : 0;
  const bumped = prepared(tx, nextSeqQuery).get({ id: conversationId, now, customer });
  if (!bumped) throw new Error(`conversation ${conversationId} does not exist`);
  const inserted = prepared(tx, insertQuery).get({
    conversationId,
    seq: bumped.seq,
    author: input.author,
    text: input.text,
    clientId: input.clientId ?? null,
    agentId: input.agentId ?? null,
    faqId: input.faqId ?? null,
    event: input.event ?? null,
    internal: input.internal ?? false,
    createdAt: now,
  });
  if (!inserted) throw new Error(`message ${bumped.seq} of ${conversationId} was not stored`);
  const row = prepared(tx, byIdQuery).get({ id: inserted.id });
  if (!row) throw new Error(`message ${inserted.id} vanished inside its own transaction`);
  return { message: toWireMessage(row), duplicate: false };
}

function byClientIdQuery(tx: Tx) {
  return selectMessages(tx)
    .where(
      and(
        eq(messages.conversationId, sql.placeholder("conversationId")),
        eq(messages.clientId, sql.placeholder("clientId")),
      ),
    )
    .prepare();
}

function nextSeqQuery(tx: Tx) {
  return tx
    .update(conversations)
    .set({
      lastSeq: sql`${conversations.lastSeq} + 1`,
      customerMessages: sql`${conversations.customerMessages} + ${sql.placeholder("customer")}`,
      updatedAt: sql`${sql.placeholder("now")}`,
    })
    .where(eq(conversations.id, sql.placeholder("id")))
    .returning({ seq: conversations.lastSeq })
    .prepare();
}

function insertQuery(tx: Tx) {
  const value = (name: string) => sql.placeholder(name);
  return tx
    .insert(messages)
    .values({
      conversationId: value("conversationId"),
      seq: value("seq"),
      author: value("author"),
      text: value("text"),
      clientId: value("clientId"),
      agentId: value("agentId"),
      faqId: value("faqId"),
      event: value("event"),
      internal: value("internal"),
      createdAt: value("createdAt"),
    })
    .returning({ id: messages.id })
    .prepare();
}

function byIdQuery(tx: Tx) {
  return selectMessages(tx)
    .where(eq(messages.id, sql.placeholder("id")))
    .prepare();
}

/** Agents see internal notes; the customer never does. */
export type Audience = "agent" | "customer";

/**
 * A conversation's messages after a sequence number (0: all), in order, as one audience may
 * see them. Synchronous, so a caller can read and send with nothing else running in between.
 */
export function readTranscript(
  tx: Tx,
  conversationId: number,
  afterSeq = 0,
  audience: Audience = "customer",
): WireMessage[] {
  const query = audience === "customer" ? customerTranscriptQuery : agentTranscriptQuery;
  return prepared(tx, query).all({ conversationId, afterSeq }).map(toWireMessage);
}

function transcriptQuery(tx: Tx, audience: Audience) {
  return selectMessages(tx)
    .where(
      and(
        eq(messages.conversationId, sql.placeholder("conversationId")),
        gt(messages.seq, sql.placeholder("afterSeq")),
        audience === "customer" ? eq(messages.internal, false) : undefined,
      ),
    )
    .orderBy(asc(messages.seq))
    .prepare();
}

const customerTranscriptQuery = (tx: Tx) => transcriptQuery(tx, "customer");
const agentTranscriptQuery = (tx: Tx) => transcriptQuery(tx, "agent");

export function readLastCustomerMessage(tx: Tx, conversationId: number): WireMessage | undefined {
  const row = prepared(tx, lastCustomerQuery).get({ conversationId });
  return row && toWireMessage(row);
}

function lastCustomerQuery(tx: Tx) {
  return selectMessages(tx)
    .where(
      and(
        eq(messages.conversationId, sql.placeholder("conversationId")),
        eq(messages.author, "customer"),
      ),
    )
    .orderBy(desc(messages.seq))
    .limit(1)
    .prepare();
}

function selectMessages(tx: Tx) {
  return tx
    .select({
      seq: messages.seq,
      author: messages.author,
      text: messages.text,
      createdAt: messages.createdAt,
      clientId: messages.clientId,
      event: messages.event,
      internal: messages.internal,
      agentName: agents.name,
      faqId: faqEntries.id,
      faqTitle: faqEntries.title,
    })
    .from(messages)
    .leftJoin(agents, eq(messages.agentId, agents.id))
    .leftJoin(faqEntries, eq(messages.faqId, faqEntries.id));
}

type MessageRow = ReturnType<ReturnType<typeof selectMessages>["get"]> & {};

function toWireMessage(row: MessageRow): WireMessage {
  const message: WireMessage = {
    seq: row.seq,
    author: row.author,
    text: row.text,
    at: row.createdAt,
  };
  if (row.clientId !== null) message.clientId = row.clientId;
  if (row.agentName !== null) message.authorName = row.agentName;
  if (row.faqId !== null && row.faqTitle !== null) {
    message.faq = { id: row.faqId, title: row.faqTitle };
  }
  if (row.event !== null) message.event = row.event;
  if (row.internal) message.internal = true;
  return message;
}
