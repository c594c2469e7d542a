import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { ConversationSummary, Handoff, WireMessage } from "../protocol/index.ts";
import type { Db } from "./database.ts";
import { insertMessage, readLastCustomerMessage, readTranscript, type Tx } from "./messages.ts";
import { agents, conversationEvents, conversations } from "./schema.ts";

export interface Appended {
  conversation: ConversationSummary;
  message: WireMessage;
  duplicate: boolean;
}

export interface Transition {
  conversation: ConversationSummary;
  /** The system message that announces the change in the transcript. */
  message: WireMessage;
}

export type TransitionResult =
  | ({ ok: true } & Transition)
  | { ok: false; reason: "not_found" | "conflict" };

/** The visitor's latest conversation, created (with the bot) when there is none. One transaction. */
export async function openConversation(db: Db, visitorId: number, now: number): Promise<number> {
  return db.transaction((tx) => latestOrNew(tx, visitorId, now), { behavior: "immediate" });
}

/**
 * Stores a customer message in the visitor's conversation, in one transaction: creates the
 * conversation if needed and reopens a resolved one to the queue (never back to the bot).
 */
export async function appendCustomerMessage(
  db: Db,
  input: { visitorId: number; clientId: string; text: string },
  now: number,
): Promise<Appended & { reopened: boolean }> {
  return db.transaction(
    (tx) => {
      const conversationId = latestOrNew(tx, input.visitorId, now);
      const appended = insertMessage(
        tx,
        conversationId,
        { author: "customer", clientId: input.clientId, text: input.text },
        now,
      );
      const reopened = !appended.duplicate && reopenIfResolved(tx, conversationId, now);
      return { ...appended, reopened, conversation: summaryOf(tx, conversationId) };
    },
    { behavior: "immediate" },
  );
}

/** Posts the bot's answer only while the conversation is still with the bot; otherwise null. */
export async function appendBotAnswer(
  db: Db,
  input: { conversationId: number; text: string; faqId: number },
  now: number,
): Promise<WireMessage | null> {
  return db.transaction(
    (tx) => {
      const current = tx
        .select({ status: conversations.status })
        .from(conversations)
        .where(eq(conversations.id, input.conversationId))
        .get();
      if (current?.status !== "bot") return null;
      const { text, faqId } = input;
      return insertMessage(tx, input.conversationId, { author: "bot", text, faqId }, now).message;
    },
    { behavior: "immediate" },
  );
}

/** Only the assigned agent may reply; a resend of the same client id returns the original. */
export async function appendAgentReply(
  db: Db,
  input: { conversationId: number; agentId: number; clientId: string; text: string },
  now: number,
): Promise<({ ok: true } & Appended) | { ok: false; reason: "not_found" | "conflict" }> {
  return db.transaction(
    (tx) => {
      const current = summaryOrUndefined(tx, input.conversationId);
      if (!current) return { ok: false, reason: "not_found" } as const;
      if (current.status !== "assigned" || current.assigneeId !== input.agentId) {
        return { ok: false, reason: "conflict" } as const;
      }
      const { agentId, clientId, text } = input;
      const appended = insertMessage(
        tx,
        input.conversationId,
        { author: "agent", agentId, clientId, text },
        now,
      );
      return { ok: true, ...appended, conversation: summaryOf(tx, input.conversationId) } as const;
    },
    { behavior: "immediate" },
  );
}

/** Moves a conversation from the bot (or a resolved one) to the queue, with the reasons. */
export async function handOff(
  db: Db,
  input: { conversationId: number; handoff: Handoff },
  now: number,
): Promise<TransitionResult> {
  return db.transaction(
    (tx) => {
      const moved = tx
        .update(conversations)
        .set({
          status: "queued",
          assigneeId: null,
          handoff: input.handoff,
          priority: input.handoff.priority,
          updatedAt: now,
        })
        .where(
          and(
            eq(conversations.id, input.conversationId),
            inArray(conversations.status, ["bot", "resolved"]),
          ),
        )
        .returning({ id: conversations.id })
        .get();
      if (!moved) return missingOrConflict(tx, input.conversationId);
      const reasons = input.handoff.reasons.map((r) => r.reason);
      logEvent(tx, input.conversationId, "handoff", { reasons }, now);
      const text = "A person from the team is joining this conversation.";
      return transitioned(tx, input.conversationId, { text, event: "handoff" }, now);
    },
    { behavior: "immediate" },
  );
}

export async function claimConversation(
  db: Db,
  input: { conversationId: number; agentId: number },
  now: number,
): Promise<TransitionResult> {
  return db.transaction(
    (tx) => {
      const claimed = tx
        .update(conversations)
        .set({ status: "assigned", assigneeId: input.agentId, updatedAt: now })
        .where(and(eq(conversations.id, input.conversationId), eq(conversations.status, "queued")))
        .returning({ id: conversations.id })
        .get();
      if (!claimed) return missingOrConflict(tx, input.conversationId);
      logEvent(tx, input.conversationId, "claimed", {}, now, input.agentId);
      const name = agentName(tx, input.agentId);
      const text = `${name} joined the conversation.`;
      return transitioned(
        tx,
        input.conversationId,
        { text, event: "joined", agentId: input.agentId },
        now,
      );
    },
    { behavior: "immediate" },
  );
}

export async function resolveConversation(
  db: Db,
  input: { conversationId: number; agentId: number },
  now: number,
): Promise<TransitionResult> {
  return db.transaction(
    (tx) => {
      const resolved = tx
        .update(conversations)
        .set({ status: "resolved", updatedAt: now })
        .where(
          and(
            eq(conversations.id, input.conversationId),
            eq(conversations.status, "assigned"),
            eq(conversations.assigneeId, input.agentId),
          ),
        )
        .returning({ id: conversations.id })
        .get();
      if (!resolved) return missingOrConflict(tx, input.conversationId);
      logEvent(tx, input.conversationId, "resolved", {}, now, input.agentId);
      const text = "This conversation was marked as resolved.";
      return transitioned(
        tx,
        input.conversationId,
        { text, event: "resolved", agentId: input.agentId },
        now,
      );
    },
    { behavior: "immediate" },
  );
}

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

function latestOf(tx: Tx, visitorId: number): number | undefined {
  return tx
    .select({ id: conversations.id })
    .from(conversations)
    .where(eq(conversations.visitorId, visitorId))
    .orderBy(desc(conversations.id))
    .limit(1)
    .get()?.id;
}

function latestOrNew(tx: Tx, visitorId: number, now: number): number {
  const latest = latestOf(tx, visitorId);
  if (latest !== undefined) return latest;
  const created = tx
    .insert(conversations)
    .values({ visitorId, status: "bot", createdAt: now, updatedAt: now })
    .returning({ id: conversations.id })
    .get();
  logEvent(tx, created.id, "created", {}, now);
  return created.id;
}

function reopenIfResolved(tx: Tx, conversationId: number, now: number): boolean {
  const reopened = tx
    .update(conversations)
    .set({ status: "queued", assigneeId: null, updatedAt: now })
    .where(and(eq(conversations.id, conversationId), eq(conversations.status, "resolved")))
    .returning({ id: conversations.id })
    .get();
  if (reopened) logEvent(tx, conversationId, "reopened", {}, now);
  return reopened !== undefined;
}

function transitioned(
  tx: Tx,
  conversationId: number,
  announce: { text: string; event: "handoff" | "joined" | "resolved"; agentId?: number },
  now: number,
): TransitionResult {
  const { message } = insertMessage(tx, conversationId, { author: "system", ...announce }, now);
  return { ok: true, message, conversation: summaryOf(tx, conversationId) };
}

function missingOrConflict(tx: Tx, conversationId: number): TransitionResult {
  const exists = summaryOrUndefined(tx, conversationId);
  return { ok: false, reason: exists ? "conflict" : "not_found" };
}

function logEvent(
  tx: Tx,
  conversationId: number,
  type: "created" | "handoff" | "claimed" | "resolved" | "reopened",
  data: Record<string, unknown>,
  at: number,
  agentId?: number,
): void {
  const actor = agentId === undefined ? (type === "handoff" ? "bot" : "customer") : "agent";
  tx.insert(conversationEvents)
    .values({ conversationId, type, actor, agentId: agentId ?? null, data, at })
    .run();
}

function agentName(tx: Tx, agentId: number): string {
  return (
    tx.select({ name: agents.name }).from(agents).where(eq(agents.id, agentId)).get()?.name ??
    "An agent"
  );
}

function selectSummaries(tx: Tx) {
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

function summaryOrUndefined(tx: Tx, id: number): ConversationSummary | undefined {
  const row = selectSummaries(tx).where(eq(conversations.id, id)).get();
  return row && toSummary(tx, row);
}

function summaryOf(tx: Tx, id: number): ConversationSummary {
  const summary = summaryOrUndefined(tx, id);
  if (!summary) throw new Error(`conversation ${id} does not exist`);
  return summary;
}
