import { and, asc, desc, eq, inArray, isNotNull, lt, sql } from "drizzle-orm";
import type { ConversationSummary, WireMessage } from "../protocol/index.ts";
import { type Db, first } from "./database.ts";
import { readLastCustomerMessage } from "./messages.ts";
import { prepared } from "./prepared.ts";

/** The visitor's latest conversation, undefined before their first message. */
export async function currentConversationOf(
  db: Db,
  visitorId: number,
): Promise<ConversationSummary | undefined> {
  const latest = await latestOf(db, visitorId);
  return latest === undefined ? undefined : summaryOf(db, latest);
}

/** Conversations waiting for or handled by a person, the most urgent and oldest first. */
export async function listOpenConversations(db: Db): Promise<ConversationSummary[]> {
  const { conversations } = db.t;
  const rows = await selectSummaries(db)
    .where(inArray(conversations.status, ["queued", "assigned"]))
    .orderBy(desc(conversations.priority), asc(conversations.updatedAt));
  return toSummaries(db, rows);
}

/** Resolved conversations, the most recently closed first, a page at a time. */
export async function listResolvedConversations(
  db: Db,
  page: { limit: number; before?: number },
): Promise<ConversationSummary[]> {
  const { limit, before } = page;
  const { conversations } = db.t;
  const rows = await selectSummaries(db)
    .where(
      and(
        eq(conversations.status, "resolved"),
        // The team's list: what people resolved, not what the bot settled alone (see Reports).
        isNotNull(conversations.handoff),
        before === undefined ? undefined : lt(conversations.id, before),
      ),
    )
    .orderBy(desc(conversations.id))
    .limit(limit);
  return toSummaries(db, rows);
}

/** Every conversation of one visitor, newest first: what they asked before. */
export async function listVisitorConversations(
  db: Db,
  visitorId: number,
): Promise<ConversationSummary[]> {
  const { conversations } = db.t;
  const rows = await selectSummaries(db)
    .where(eq(conversations.visitorId, visitorId))
    .orderBy(desc(conversations.id));
  return toSummaries(db, rows);
}

export async function getConversation(
  db: Db,
  id: number,
): Promise<ConversationSummary | undefined> {
  return summaryOrUndefined(db, id);
}

/**
 * Who may act on a conversation right now, in one indexed row read: for checks on busy
 * paths (typing, read marks) that need no transcript or counts.
 */
export async function conversationState(db: Db, id: number) {
  return first(await prepared(db, stateQuery, { id }));
}

function stateQuery(db: Db) {
  const { conversations } = db.t;
  return db.q
    .select({
      visitorId: conversations.visitorId,
      status: conversations.status,
      assigneeId: conversations.assigneeId,
      lastSeq: conversations.lastSeq,
    })
    .from(conversations)
    .where(eq(conversations.id, sql.placeholder("id")));
}

/** The id of the visitor's latest conversation, undefined before their first. */
export async function latestOf(db: Db, visitorId: number): Promise<number | undefined> {
  return first(await prepared(db, latestQuery, { visitorId }))?.id;
}

function latestQuery(db: Db) {
  const { conversations } = db.t;
  return db.q
    .select({ id: conversations.id })
    .from(conversations)
    .where(eq(conversations.visitorId, sql.placeholder("visitorId")))
    .orderBy(desc(conversations.id))
    .limit(1);
}

function selectSummaries(db: Db) {
  const { agents, conversations, visitors } = db.t;
  return db.q
    .select({
      id: conversations.id,
      visitorId: conversations.visitorId,
      status: conversations.status,
      handoff: conversations.handoff,
      priority: conversations.priority,
      skill: conversations.skill,
      language: conversations.language,
      queuedAt: conversations.queuedAt,
      assigneeId: conversations.assigneeId,
      assigneeName: agents.name,
      pageUrl: conversations.pageUrl,
      pageTitle: conversations.pageTitle,
      userId: visitors.userId,
      customerName: visitors.name,
      customerEmail: visitors.email,
      contactEmail: visitors.contactEmail,
      rating: conversations.rating,
      ratingComment: conversations.ratingComment,
      lastSeq: conversations.lastSeq,
      customerMessages: conversations.customerMessages,
      createdAt: conversations.createdAt,
      updatedAt: conversations.updatedAt,
    })
    .from(conversations)
    .innerJoin(visitors, eq(conversations.visitorId, visitors.id))
    .leftJoin(agents, eq(conversations.assigneeId, agents.id));
}

type SummaryRow = Awaited<ReturnType<typeof selectSummaries>>[number];

function toSummaries(db: Db, rows: SummaryRow[]): Promise<ConversationSummary[]> {
  return Promise.all(rows.map((row) => toSummary(db, row)));
}

async function toSummary(
  db: Db,
  row: SummaryRow,
  lastMessage?: WireMessage,
): Promise<ConversationSummary> {
  const summary: ConversationSummary = {
    id: row.id,
    visitorId: row.visitorId,
    status: row.status,
    priority: row.priority,
    lastSeq: row.lastSeq,
    customerMessages: row.customerMessages,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
  if (row.handoff !== null) summary.handoff = row.handoff;
  if (row.skill !== null) summary.skill = row.skill;
  if (row.language !== null) summary.language = row.language;
  if (row.queuedAt !== null) summary.queuedAt = row.queuedAt;
  if (row.pageUrl !== null) summary.page = { url: row.pageUrl, title: row.pageTitle ?? "" };
  const customer = definedOnly({
    userId: row.userId,
    name: row.customerName,
    email: row.customerEmail,
  });
  if (Object.keys(customer).length > 0) summary.customer = customer;
  if (row.contactEmail !== null) summary.contactEmail = row.contactEmail;
  if (row.rating !== null) {
    summary.rating = {
      score: row.rating,
      ...(row.ratingComment ? { comment: row.ratingComment } : {}),
    };
  }
  if (row.assigneeId !== null) summary.assigneeId = row.assigneeId;
  if (row.assigneeName !== null) summary.assigneeName = row.assigneeName;
  const last = lastMessage ?? (await readLastCustomerMessage(db, row.id));
  if (last) summary.lastMessage = last;
  return summary;
}

function definedOnly<T extends Record<string, string | null>>(
  fields: T,
): { [K in keyof T]?: string } {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== null)) as {
    [K in keyof T]?: string;
  };
}

/** `lastMessage`, when the caller knows it, is the customer's latest message. */
export async function summaryOrUndefined(
  db: Db,
  id: number,
  lastMessage?: WireMessage,
): Promise<ConversationSummary | undefined> {
  const row = first(await prepared(db, summaryQuery, { id }));
  return row && toSummary(db, row, lastMessage);
}

function summaryQuery(db: Db) {
  return selectSummaries(db).where(eq(db.t.conversations.id, sql.placeholder("id")));
}

export async function summaryOf(
  db: Db,
  id: number,
  lastMessage?: WireMessage,
): Promise<ConversationSummary> {
  const summary = await summaryOrUndefined(db, id, lastMessage);
  if (!summary) throw new Error(`conversation ${id} does not exist`);
  return summary;
}
