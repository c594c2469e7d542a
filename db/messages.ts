import { and, asc, desc, eq, gt, sql } from "drizzle-orm";
import type { Author, SystemEvent, WireMessage } from "../protocol/index.ts";
import type { Db } from "./database.ts";
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
    const existing = selectMessages(tx)
      .where(
        and(eq(messages.conversationId, conversationId), eq(messages.clientId, input.clientId)),
      )
      .get();
    if (existing) return { message: toWireMessage(existing), duplicate: true };
  }
  const bumped = tx
    .update(conversations)
    .set({ lastSeq: sql`${conversations.lastSeq} + 1`, updatedAt: now })
    .where(eq(conversations.id, conversationId))
    .returning({ seq: conversations.lastSeq })
    .get();
  if (!bumped) throw new Error(`conversation ${conversationId} does not exist`);
  const inserted = tx
    .insert(messages)
    .values({
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
    })
    .returning({ id: messages.id })
    .get();
  const row = selectMessages(tx).where(eq(messages.id, inserted.id)).get();
  if (!row) throw new Error(`message ${inserted.id} vanished inside its own transaction`);
  return { message: toWireMessage(row), duplicate: false };
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
  return selectMessages(tx)
    .where(
      and(
        eq(messages.conversationId, conversationId),
        gt(messages.seq, afterSeq),
        audience === "customer" ? eq(messages.internal, false) : undefined,
      ),
    )
    .orderBy(asc(messages.seq))
    .all()
    .map(toWireMessage);
}

export function readLastCustomerMessage(tx: Tx, conversationId: number): WireMessage | undefined {
  const row = selectMessages(tx)
    .where(and(eq(messages.conversationId, conversationId), eq(messages.author, "customer")))
    .orderBy(desc(messages.seq))
    .limit(1)
    .get();
  return row && toWireMessage(row);
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
