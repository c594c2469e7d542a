import { and, asc, desc, eq, gt, sql } from "drizzle-orm";
import type { Author, SystemEvent, WireMessage } from "../protocol/index.ts";
import { claimUploads, type FileClaim, type StoredAttachment } from "./attachments.ts";
import { type Db, first, type Tx } from "./database.ts";
import { prepared } from "./prepared.ts";
import { queueWebhooks } from "./webhooks.ts";

export interface NewMessage {
  author: Author;
  text: string;
  clientId?: string;
  agentId?: number;
  faqId?: number;
  event?: SystemEvent;
  internal?: boolean;
  /** Uploads sent with it: claimed in the same transaction (see claimUploads). */
  files?: FileClaim;
}

export interface AppendResult {
  message: WireMessage;
  /** True when this client id was already stored: nothing new was written. */
  duplicate: boolean;
}

/**
 * Stores one message with the conversation's next sequence number, assigned by the database
 * under the conversation's row lock, which the caller holds (locks.ts): strictly increasing
 * whichever node writes, and a resend racing its original finds it stored. A client id
 * already stored in this conversation returns the original message.
 */
export async function insertMessage(
  tx: Tx,
  conversationId: number,
  input: NewMessage,
  now: number,
): Promise<AppendResult> {
  if (input.clientId !== undefined) {
    const clientId = input.clientId;
    const existing = first(await prepared(tx, byClientIdQuery, { conversationId, clientId }));
    if (existing) return { message: toWireMessage(existing), duplicate: true };
  }
  const attachments =
    input.files && input.files.ids.length > 0
      ? await claimUploads(tx, conversationId, input.files)
      : undefined;
  const customer = input.author === "customer" ? 1 : 0;
  const bumped = first(await prepared(tx, nextSeqQuery, { id: conversationId, now, customer }));
  if (!bumped) throw new Error(`conversation ${conversationId} does not exist`);
  const inserted = first(
    await prepared(tx, insertQuery, {
      conversationId,
      seq: bumped.seq,
      author: input.author,
      text: input.text,
      clientId: input.clientId ?? null,
      agentId: input.agentId ?? null,
      faqId: input.faqId ?? null,
      event: input.event ?? null,
      internal: input.internal ?? false,
      attachments: attachments ?? null,
      createdAt: now,
    }),
  );
  if (!inserted) throw new Error(`message ${bumped.seq} of ${conversationId} was not stored`);
  // System messages only announce moves, which webhooks tell of themselves.
  if (input.author !== "system") {
    const told = () => ({
      conversationId,
      message: {
        seq: bumped.seq,
        author: input.author,
        text: input.text,
        at: now,
        ...(input.agentId !== undefined ? { agentId: input.agentId } : {}),
        ...(input.internal ? { internal: true } : {}),
        ...(attachments ? { attachments } : {}),
      },
    });
    await queueWebhooks(tx, "message.created", told, now);
  }
  // Nothing to look up (an agent's name, an FAQ entry's title): the message is what was given.
  if (input.agentId === undefined && input.faqId === undefined) {
    return { message: wireMessageOf(input, bumped.seq, now, attachments), duplicate: false };
  }
  const row = first(await prepared(tx, byIdQuery, { id: inserted.id }));
  if (!row) throw new Error(`message ${inserted.id} vanished inside its own transaction`);
  return { message: toWireMessage(row), duplicate: false };
}

function byClientIdQuery(db: Db) {
  const { messages } = db.t;
  return selectMessages(db).where(
    and(
      eq(messages.conversationId, sql.placeholder("conversationId")),
      eq(messages.clientId, sql.placeholder("clientId")),
    ),
  );
}

function nextSeqQuery(db: Db) {
  const { conversations } = db.t;
  return db.q
    .update(conversations)
    .set({
      lastSeq: sql`${conversations.lastSeq} + 1`,
      customerMessages: sql`${conversations.customerMessages} + ${sql.placeholder("customer")}`,
      updatedAt: sql`${sql.placeholder("now")}`,
    })
    .where(eq(conversations.id, sql.placeholder("id")))
    .returning({ seq: conversations.lastSeq });
}

function insertQuery(db: Db) {
  const value = (name: string) => sql.placeholder(name);
  return db.q
    .insert(db.t.messages)
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
      attachments: value("attachments"),
      createdAt: value("createdAt"),
    })
    .returning({ id: db.t.messages.id });
}

function byIdQuery(db: Db) {
  return selectMessages(db).where(eq(db.t.messages.id, sql.placeholder("id")));
}

/** Agents see internal notes; the customer never does. */
export type Audience = "agent" | "customer";

/**
 * A conversation's messages after a sequence number (0: all), in order, as one audience may
 * see them.
 */
export async function readTranscript(
  db: Db,
  conversationId: number,
  afterSeq = 0,
  audience: Audience = "customer",
): Promise<WireMessage[]> {
  const query = audience === "customer" ? customerTranscriptQuery : agentTranscriptQuery;
  return (await prepared(db, query, { conversationId, afterSeq })).map(toWireMessage);
}

function transcriptQuery(db: Db, audience: Audience) {
  const { messages } = db.t;
  return selectMessages(db)
    .where(
      and(
        eq(messages.conversationId, sql.placeholder("conversationId")),
        gt(messages.seq, sql.placeholder("afterSeq")),
        audience === "customer" ? eq(messages.internal, false) : undefined,
      ),
    )
    .orderBy(asc(messages.seq));
}

const customerTranscriptQuery = (db: Db) => transcriptQuery(db, "customer");
const agentTranscriptQuery = (db: Db) => transcriptQuery(db, "agent");

export async function readLastCustomerMessage(
  db: Db,
  conversationId: number,
): Promise<WireMessage | undefined> {
  const row = first(await prepared(db, lastCustomerQuery, { conversationId }));
  return row && toWireMessage(row);
}

function lastCustomerQuery(db: Db) {
  const { messages } = db.t;
  return selectMessages(db)
    .where(
      and(
        eq(messages.conversationId, sql.placeholder("conversationId")),
        eq(messages.author, "customer"),
      ),
    )
    .orderBy(desc(messages.seq))
    .limit(1);
}

function selectMessages(db: Db) {
  const { agents, faqEntries, messages } = db.t;
  return db.q
    .select({
      seq: messages.seq,
      author: messages.author,
      text: messages.text,
      createdAt: messages.createdAt,
      clientId: messages.clientId,
      event: messages.event,
      internal: messages.internal,
      attachments: messages.attachments,
      agentName: agents.name,
      faqId: faqEntries.id,
      faqTitle: faqEntries.title,
    })
    .from(messages)
    .leftJoin(agents, eq(messages.agentId, agents.id))
    .leftJoin(faqEntries, eq(messages.faqId, faqEntries.id));
}

type MessageRow = Awaited<ReturnType<typeof selectMessages>>[number];

function wireMessageOf(
  input: NewMessage,
  seq: number,
  at: number,
  attachments: StoredAttachment[] | undefined,
): WireMessage {
  const message: WireMessage = { seq, author: input.author, text: input.text, at };
  if (attachments) message.attachments = attachments;
  if (input.clientId !== undefined) message.clientId = input.clientId;
  if (input.event !== undefined) message.event = input.event;
  if (input.internal) message.internal = true;
  return message;
}

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
  if (row.attachments) message.attachments = row.attachments;
  return message;
}
