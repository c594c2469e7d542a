import { asc, desc, eq, inArray } from "drizzle-orm";
import type { ConversationSummary, WireMessage } from "../protocol/index.ts";
import type { Db } from "./database.ts";
import { readLastCustomerMessage, readTranscript, type Tx } from "./messages.ts";
import { agents, conversations } from "./schema.ts";

/** The visitor's latest conversation and its transcript, or null before their first message. */
export async function findVisitorConversation(
  db: Db,
  visitorId: number,
): Promise<{ conversation: ConversationSummary; messages: WireMessage[] } | null> {
  const latest = latestOf(db, visitorId);
  if (latest === undefined) return null;
  return { conversation: summaryOf(db, latest), messages: readTranscript(db, latest) };
}

/** Conversations waiting for or handled by a person, the most urgent and oldest first. */
export async function listOpenConversations(db: Db): Promise<ConversationSummary[]> {
  return selectSummaries(db)
    .where(inArray(conversations.status, ["queued", "assigned"]))
    .orderBy(desc(conversations.priority), asc(conversations.updatedAt))
    .all()
    .map((row) => toSummary(db, row));
}

export async function getConversation(
  db: Db,
  id: number,
): Promise<ConversationSummary | undefined> {
  return summaryOrUndefined(db, id);
}

export async function getTranscript(db: Db, conversationId: number): Promise<WireMessage[]> {
  return readTranscript(db, conversationId);
}

export function latestOf(tx: Tx, visitorId: number): number | undefined {
  return tx
    .select({ id: conversations.id })
    .from(conversations)
    .where(eq(conversations.visitorId, visitorId))
    .orderBy(desc(conversations.id))
    .limit(1)
    .get()?.id;
}

export function selectSummaries(tx: Tx) {
  return tx
    .select({
      id: conversations.id,
      visitorId: conversations.visitorId,
      status: conversations.status,
      handoff: conversations.handoff,
      assigneeId: conversations.assigneeId,
      assigneeName: agents.name,
      createdAt: conversations.createdAt,
      updatedAt: conversations.updatedAt,
    })
    .from(conversations)
    .leftJoin(agents, eq(conversations.assigneeId, agents.id));
}

type SummaryRow = ReturnType<ReturnType<typeof selectSummaries>["get"]> & {};

function toSummary(tx: Tx, row: SummaryRow): ConversationSummary {
  const summary: ConversationSummary = {
    id: row.id,
    visitorId: row.visitorId,
    status: row.status,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
  if (row.handoff !== null) summary.handoff = row.handoff;
  if (row.assigneeId !== null) summary.assigneeId = row.assigneeId;
  if (row.assigneeName !== null) summary.assigneeName = row.assigneeName;
  const last = readLastCustomerMessage(tx, row.id);
  if (last) summary.lastMessage = last;
  return summary;
}

export function summaryOrUndefined(tx: Tx, id: number): ConversationSummary | undefined {
  const row = selectSummaries(tx).where(eq(conversations.id, id)).get();
  return row && toSummary(tx, row);
}

export function summaryOf(tx: Tx, id: number): ConversationSummary {
  const summary = summaryOrUndefined(tx, id);
  if (!summary) throw new Error(`conversation ${id} does not exist`);
  return summary;
}
