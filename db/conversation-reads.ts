import { asc, desc, eq, inArray } from "drizzle-orm";
import type { ConversationSummary } from "../protocol/index.ts";
import type { Db } from "./database.ts";
import { readLastCustomerMessage, type Tx } from "./messages.ts";
import { agents, conversations } from "./schema.ts";

/** The visitor's latest conversation, undefined before their first message. Synchronous. */
export function currentConversationOf(db: Db, visitorId: number): ConversationSummary | undefined {
  const latest = latestOf(db, visitorId);
  return latest === undefined ? undefined : summaryOf(db, latest);
}

/** Conversations waiting for or handled by a person, the most urgent and oldest first. */
export async function listOpenConversations(db: Db): Promise<ConversationSummary[]> {
  return selectSummaries(db)
    .where(inArray(conversations.status, ["queued", "assigned"]))
    .orderBy(desc(conversations.priority), asc(conversations.updatedAt))
    .all()
    .map((row) => toSummary(db, row));
}

/** Synchronous, like readTranscript, so a snapshot and its messages match. */
export function getConversation(db: Db, id: number): ConversationSummary | undefined {
  return summaryOrUndefined(db, id);
}

/** The id of the visitor's latest conversation, undefined before their first. Synchronous. */
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
