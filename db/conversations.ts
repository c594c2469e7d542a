import { and, count, desc, eq, inArray, sql } from "drizzle-orm";
import type {
  Author,
  ConversationStatus,
  ConversationSummary,
  Handoff,
  Page,
  SystemEvent,
  WebhookEvent,
  WireMessage,
} from "../protocol/index.ts";
import { type AuditAction, recordAudit } from "./audit.ts";
import { conversationState, summaryOf } from "./conversation-reads.ts";
import { type Db, first, type Tables, type Tx, write } from "./database.ts";
import { lockAgent, lockConversation, lockVisitor } from "./locks.ts";
import { insertMessage, type NewMessage } from "./messages.ts";
import { recordPickup } from "./pickups.ts";
import { prepared } from "./prepared.ts";
import { queueWebhooks } from "./webhooks.ts";

export interface Appended {
  conversation: ConversationSummary;
  message: WireMessage;
  duplicate: boolean;
}

export type TransitionResult =
  | {
      ok: true;
      conversation: ConversationSummary;
      /** The system message that announces the change in the transcript. */
      message: WireMessage;
      /** An internal note that came with the change (a transfer's), stored just before it. */
      note?: WireMessage;
    }
  | { ok: false; reason: "not_found" | "conflict" | "forbidden" };

/** The visitor's latest conversation, created (with the bot) when there is none. One transaction. */
export async function openConversation(db: Db, visitorId: number, now: number): Promise<number> {
  return write(db, async (tx) => (await latestOrNew(tx, visitorId, now)).id);
}

/**
 * Stores a customer message in the visitor's conversation, in one transaction: creates the
 * conversation if needed and reopens a resolved one, saying so in the transcript after the
 * message (`reopened`, the system message): to the queue once a person was involved, else back
 * to the bot that resolved it.
 */
export async function appendCustomerMessage(
  db: Db,
  input: {
    visitorId: number;
    clientId: string;
    text: string;
    page?: Page | undefined;
    fileIds?: number[] | undefined;
  },
  now: number,
): Promise<Appended & { reopened?: WireMessage }> {
  return write(db, async (tx) => {
    const latest = await latestOrNew(tx, input.visitorId, now);
    const conversationId = latest.id;
    const appended = await insertMessage(
      tx,
      conversationId,
      {
        author: "customer",
        clientId: input.clientId,
        text: input.text,
        files: { ids: input.fileIds ?? [], visitorId: input.visitorId },
      },
      now,
    );
    if (input.page && !appended.duplicate) {
      await prepared(tx, pageQuery, { id: conversationId, ...input.page });
    }
    const reopened =
      !appended.duplicate &&
      latest.status === "resolved" &&
      (await reopenIfResolved(tx, conversationId, now))
        ? (
            await insertMessage(
              tx,
              conversationId,
              { author: "system", text: "The conversation was reopened.", event: "reopened" },
              now,
            )
          ).message
        : undefined;
    // The message just stored is the customer's latest: the summary need not look it up.
    const last = appended.duplicate ? undefined : appended.message;
    return {
      ...appended,
      ...(reopened ? { reopened } : {}),
      conversation: await summaryOf(tx, conversationId, last),
    };
  });
}

/**
 * Posts the bot's answer only while the conversation is still with the bot; otherwise null.
 * The `answered` event says which entry in which language, for the reports.
 */
export async function appendBotAnswer(
  db: Db,
  input: { conversationId: number; text: string; faqId: number; language: string },
  now: number,
): Promise<WireMessage | null> {
  return write(db, async (tx) => {
    const { conversationId, text, faqId, language } = input;
    await lockConversation(tx, conversationId);
    if ((await conversationState(tx, conversationId))?.status !== "bot") return null;
    const bot = { author: "bot", text, faqId } as const;
    const { message } = await insertMessage(tx, conversationId, bot, now);
    const event = { type: "answered", actor: "bot", data: { faqId, language } } as const;
    await logEvent(tx, conversationId, event, now);
    return message;
  });
}

/**
 * The customer thanked the bot for its answer (`faqId`): the bot resolves the conversation, and
 * the customer may rate it. Writing again brings it back to the bot (see `reopenQuery`).
 */
export async function resolveByBot(
  db: Db,
  input: { conversationId: number; faqId: number },
  now: number,
): Promise<TransitionResult> {
  const { conversationId, faqId } = input;
  return transition(db, now, {
    conversationId,
    from: ["bot"],
    set: { status: "resolved" },
    event: { type: "resolved", actor: "bot", data: { faqId } },
    announce: async () => ({
      text: "This conversation was marked as resolved.",
      event: "resolved",
    }),
  });
}

/**
 * An agent's message: a reply, which only the assignee may send, or an internal note for
 * colleagues (`internal`), which any agent may add once a person is involved and the customer
 * never sees. A resend of the same client id returns the original.
 */
export async function appendAgentMessage(
  db: Db,
  input: {
    conversationId: number;
    agentId: number;
    clientId: string;
    text: string;
    internal: boolean;
    fileIds?: number[] | undefined;
  },
  now: number,
): Promise<
  ({ ok: true } & Appended) | { ok: false; reason: "not_found" | "conflict" | "forbidden" }
> {
  return write(db, async (tx) => {
    await lockConversation(tx, input.conversationId);
    if (!(await isActiveAgent(tx, input.agentId))) {
      return { ok: false, reason: "forbidden" } as const;
    }
    const current = await conversationState(tx, input.conversationId);
    if (!current) return { ok: false, reason: "not_found" } as const;
    const allowed = input.internal
      ? current.status !== "bot"
      : current.status === "assigned" && current.assigneeId === input.agentId;
    if (!allowed) return { ok: false, reason: "conflict" } as const;
    const { agentId, clientId, text, internal } = input;
    const files = { ids: input.fileIds ?? [], visitorId: current.visitorId, agentId };
    const message = { author: "agent", agentId, clientId, text, internal, files } as const;
    const appended = await insertMessage(tx, input.conversationId, message, now);
    const conversation = await summaryOf(tx, input.conversationId);
    return { ok: true, ...appended, conversation } as const;
  });
}

/**
 * Moves a conversation from the bot (or a resolved one) to the queue, with the reasons. The
 * actor is the bot when triage decided, the customer when they asked for a person.
 */
export async function handOff(
  db: Db,
  input: {
    conversationId: number;
    handoff: Handoff;
    actor: "bot" | "customer";
    /** The skill group the router looks for, from the reasons. */
    skill: string;
    /** The bot's answer the customer was replying to: the reports count it as not helping. */
    afterFaqId?: number | undefined;
  },
  now: number,
): Promise<TransitionResult> {
  const { conversationId, handoff, actor, skill, afterFaqId } = input;
  const reasons = handoff.reasons.map((r) => r.reason);
  const data = { reasons, language: handoff.language, ...(afterFaqId ? { afterFaqId } : {}) };
  return transition(db, now, {
    conversationId,
    from: ["bot", "resolved"],
    set: {
      status: "queued",
      assigneeId: null,
      handoff,
      priority: handoff.priority,
      skill,
      language: handoff.language,
      queuedAt: now,
    },
    event: { type: "handoff", actor, data },
    announce: async () => ({
      text: "A person from the team is joining this conversation.",
      event: "handoff",
    }),
  });
}

/**
 * The customer's later messages changed the reasons of a conversation a person has: stores the
 * new reasons, priority and language, and the new skill while nobody holds it yet. Undefined when the
 * conversation is no longer queued or assigned.
 */
export async function updateHandoff(
  db: Db,
  input: { conversationId: number; handoff: Handoff; skill: string },
  now: number,
): Promise<ConversationSummary | undefined> {
  const { conversationId, handoff, skill } = input;
  return write(db, async (tx) => {
    const { conversations } = tx.t;
    await lockConversation(tx, conversationId);
    const current = await conversationState(tx, conversationId);
    if (current?.status !== "queued" && current?.status !== "assigned") return undefined;
    await tx.q
      .update(conversations)
      .set({
        handoff,
        priority: handoff.priority,
        language: handoff.language,
        ...(current.status === "queued" ? { skill } : {}),
        updatedAt: now,
      })
      .where(eq(conversations.id, conversationId));
    const data = { reasons: handoff.reasons.map((r) => r.reason), priority: handoff.priority };
    await logEvent(tx, conversationId, { type: "retriaged", actor: "bot", data }, now);
    return summaryOf(tx, conversationId);
  });
}

/** An agent takes a queued conversation; the condition in the update makes a second claim fail. */
export async function claimConversation(
  db: Db,
  input: { conversationId: number; agentId: number },
  now: number,
): Promise<TransitionResult> {
  return transition(db, now, {
    ...joining(input),
    event: { type: "claimed", actor: "agent", agentId: input.agentId },
    audit: "claim",
  });
}

/**
 * The router's move: a queued conversation goes to the agent it picked, while they still have
 * room (two nodes routing at once may both have picked them).
 */
export async function assignConversation(
  db: Db,
  input: { conversationId: number; agentId: number },
  now: number,
): Promise<TransitionResult> {
  return transition(db, now, {
    ...joining(input),
    event: { type: "assigned", actor: "system", agentId: input.agentId },
    allowed: (tx) => hasRoom(tx, input.agentId),
  });
}

/** Fewer conversations assigned to the agent than their capacity, counted under their lock. */
async function hasRoom(tx: Tx, agentId: number): Promise<boolean> {
  await lockAgent(tx, agentId);
  const { agents, conversations } = tx.t;
  const [load] = await tx.q
    .select({ capacity: agents.capacity, assigned: count(conversations.id) })
    .from(agents)
    .leftJoin(
      conversations,
      and(eq(conversations.assigneeId, agents.id), eq(conversations.status, "assigned")),
    )
    .where(eq(agents.id, agentId))
    .groupBy(agents.id, agents.capacity);
  return load !== undefined && load.assigned < load.capacity;
}

/** A queued conversation gets its agent, and the customer is told who joined. */
function joining({ conversationId, agentId }: { conversationId: number; agentId: number }) {
  return {
    conversationId,
    from: ["queued"],
    set: { status: "assigned", assigneeId: agentId },
    after: (tx: Tx, now: number) => recordPickup(tx, conversationId, now),
    announce: async (tx: Tx) => ({
      text: `${await agentName(tx, agentId)} joined the conversation.`,
      event: "joined",
    }),
  } satisfies Omit<TransitionSpec, "event">;
}

export type TransferTarget = { agentId: number } | { skill: string };

/**
 * Hands a conversation to a colleague, or back to the queue for a skill group, with an
 * internal note for whoever picks it up. The assignee may transfer their own; an admin any
 * open one.
 */
export async function transferConversation(
  db: Db,
  input: {
    conversationId: number;
    by: number;
    asAdmin: boolean;
    to: TransferTarget;
    note?: string;
  },
  now: number,
): Promise<TransitionResult> {
  const { conversationId, by, to } = input;
  const set: Partial<Tables["conversations"]["$inferInsert"]> =
    "agentId" in to
      ? { status: "assigned", assigneeId: to.agentId }
      : // Back in the queue for another skill with the wait it already had.
        { status: "queued", assigneeId: null, skill: to.skill };
  const spec: TransitionSpec = {
    conversationId,
    from: input.asAdmin ? ["queued", "assigned"] : ["assigned"],
    set,
    event: { type: "transferred", actor: "agent", agentId: by, data: { to } },
    audit: "transfer",
    announce: async (tx) => ({
      text:
        "agentId" in to
          ? `The conversation was passed to ${await agentName(tx, to.agentId)}.`
          : `The conversation was passed to the ${to.skill} team.`,
      event: "transferred",
    }),
    ...(input.note ? { note: input.note } : {}),
    ...("agentId" in to ? { target: to.agentId } : {}),
  };
  if (!input.asAdmin) spec.assignee = by;
  return transition(db, now, spec);
}

/** Only the assignee resolves their conversation. */
export async function resolveConversation(
  db: Db,
  input: { conversationId: number; agentId: number },
  now: number,
): Promise<TransitionResult> {
  const { conversationId, agentId } = input;
  return transition(db, now, {
    conversationId,
    from: ["assigned"],
    assignee: agentId,
    set: { status: "resolved" },
    event: { type: "resolved", actor: "agent", agentId },
    audit: "resolve",
    announce: async () => ({
      text: "This conversation was marked as resolved.",
      event: "resolved",
    }),
  });
}

interface TransitionSpec {
  conversationId: number;
  from: ConversationStatus[];
  /** When set, only this agent's conversation moves. */
  assignee?: number;
  set: Partial<Tables["conversations"]["$inferInsert"]>;
  event: ConversationEvent;
  /** An agent's move, recorded in the audit log in the same transaction. */
  audit?: AuditAction;
  announce: (tx: Tx) => Promise<{ text: string; event: SystemEvent }>;
  /** An internal note from the acting agent, stored before the announcement. */
  note?: string;
  /** An agent the change hands the conversation to: they must exist and be active. */
  target?: number;
  /** Checked under the conversation's lock before it moves; false refuses with "conflict". */
  allowed?: (tx: Tx) => Promise<boolean>;
  /** More writes in the same transaction, after the conversation moved. */
  after?: (tx: Tx, now: number) => Promise<void>;
}

/**
 * One state change in one transaction: a conditional update (so a stale or concurrent move
 * changes nothing), its event row, and the system message that announces it.
 */
async function transition(db: Db, now: number, spec: TransitionSpec): Promise<TransitionResult> {
  const { conversationId, event } = spec;
  return write(db, async (tx) => {
    const { conversations } = tx.t;
    await lockConversation(tx, conversationId);
    // An agent's move counts only while their account is active, checked in the same write.
    if (event.actor === "agent" && event.agentId !== undefined) {
      if (!(await isActiveAgent(tx, event.agentId))) {
        return { ok: false, reason: "forbidden" } as const;
      }
    }
    if (spec.target !== undefined && !(await isActiveAgent(tx, spec.target))) {
      return { ok: false, reason: "not_found" } as const;
    }
    if (spec.allowed && !(await spec.allowed(tx)))
      return { ok: false, reason: "conflict" } as const;
    const [moved] = await tx.q
      .update(conversations)
      .set({ ...spec.set, updatedAt: now })
      .where(
        and(
          eq(conversations.id, conversationId),
          inArray(conversations.status, spec.from),
          spec.assignee === undefined ? undefined : eq(conversations.assigneeId, spec.assignee),
        ),
      )
      .returning({ id: conversations.id });
    if (!moved) {
      const exists = await conversationState(tx, conversationId);
      return { ok: false, reason: exists ? "conflict" : "not_found" } as const;
    }
    await logEvent(tx, conversationId, event, now);
    const told = webhookOf(conversationId, event, spec.set);
    if (told) await queueWebhooks(tx, told.type, () => told.data, now);
    await spec.after?.(tx, now);
    if (spec.audit) {
      const entry = { action: spec.audit, target: `conversation:${conversationId}` };
      await recordAudit(tx, { ...entry, agentId: event.agentId ?? null }, now);
    }
    const note =
      spec.note === undefined || event.agentId === undefined
        ? undefined
        : (
            await insertMessage(
              tx,
              conversationId,
              { author: "agent", agentId: event.agentId, text: spec.note, internal: true },
              now,
            )
          ).message;
    const announcement: NewMessage = { author: "system", ...(await spec.announce(tx)) };
    if (event.agentId !== undefined) announcement.agentId = event.agentId;
    const { message } = await insertMessage(tx, conversationId, announcement, now);
    const conversation = await summaryOf(tx, conversationId);
    return { ok: true, message, conversation, ...(note ? { note } : {}) } as const;
  });
}

/**
 * The visitor's latest conversation, under its row lock, created with the bot when there is
 * none (under the visitor's lock: two first messages at once must not open two).
 */
async function latestOrNew(
  tx: Tx,
  visitorId: number,
  now: number,
): Promise<{ id: number; status: ConversationStatus }> {
  const latest = first(await prepared(tx, latestLockedQuery, { visitorId }));
  if (latest) return latest;
  await lockVisitor(tx, visitorId);
  const meanwhile = first(await prepared(tx, latestLockedQuery, { visitorId }));
  if (meanwhile) return meanwhile;
  const { conversations } = tx.t;
  const [created] = await tx.q
    .insert(conversations)
    .values({ visitorId, status: "bot", createdAt: now, updatedAt: now })
    .returning({ id: conversations.id });
  if (!created) throw new Error(`no conversation was created for visitor ${visitorId}`);
  await logEvent(tx, created.id, { type: "created", actor: "customer" }, now);
  const data = () => ({ conversationId: created.id, visitorId });
  await queueWebhooks(tx, "conversation.created", data, now);
  return { id: created.id, status: "bot" };
}

function latestLockedQuery(db: Db) {
  const { conversations } = db.t;
  const latest = db.q
    .select({ id: conversations.id, status: conversations.status })
    .from(conversations)
    .where(eq(conversations.visitorId, sql.placeholder("visitorId")))
    .orderBy(desc(conversations.id))
    .limit(1);
  // SQLite has no row locks: its write transactions take turns whole.
  return db.engine === "postgres" ? latest.for("update") : latest;
}

async function reopenIfResolved(tx: Tx, conversationId: number, now: number): Promise<boolean> {
  const reopened = first(await prepared(tx, reopenQuery, { id: conversationId, now }));
  if (reopened) {
    const data = { to: reopened.status };
    await logEvent(tx, conversationId, { type: "reopened", actor: "customer", data }, now);
  }
  return reopened !== undefined;
}

function reopenQuery(db: Db) {
  const { conversations } = db.t;
  const now = sql`${sql.placeholder("now")}`;
  // A conversation the bot resolved alone goes back to the bot; one a person had, to the queue.
  const botOnly = sql`${conversations.handoff} is null`;
  return db.q
    .update(conversations)
    .set({
      status: sql`case when ${botOnly} then 'bot' else 'queued' end`,
      assigneeId: null,
      // The cast gives PostgreSQL the parameter's type, which a null beside it does not.
      queuedAt: sql`case when ${botOnly} then null else cast(${now} as bigint) end`,
      updatedAt: now,
    })
    .where(and(eq(conversations.id, sql.placeholder("id")), eq(conversations.status, "resolved")))
    .returning({ id: conversations.id, status: conversations.status });
}

/** The page the customer wrote from; a customer who stays on one page changes nothing. */
function pageQuery(db: Db) {
  const { conversations } = db.t;
  const url = sql`${sql.placeholder("url")}`;
  const title = sql`${sql.placeholder("title")}`;
  return db.q
    .update(conversations)
    .set({ pageUrl: url, pageTitle: title })
    .where(
      and(
        eq(conversations.id, sql.placeholder("id")),
        sql`(${conversations.pageUrl} is distinct from ${url} or ${conversations.pageTitle} is distinct from ${title})`,
      ),
    );
}

type EventType = Tables["conversationEvents"]["$inferInsert"]["type"];

/** Who moved the conversation and why, so reports can be computed from the events. */
interface ConversationEvent {
  type: EventType;
  actor: Author;
  agentId?: number;
  data?: Record<string, unknown>;
}

async function logEvent(
  tx: Tx,
  conversationId: number,
  event: ConversationEvent,
  at: number,
): Promise<void> {
  const { type, actor, agentId, data } = event;
  await tx.q
    .insert(tx.t.conversationEvents)
    .values({ conversationId, type, actor, agentId: agentId ?? null, data: data ?? {}, at });
}

/** What a move is told to webhooks as, if anything. */
function webhookOf(
  conversationId: number,
  event: ConversationEvent,
  set: TransitionSpec["set"],
): { type: WebhookEvent; data: Record<string, unknown> } | undefined {
  const by = event.actor === "system" ? "router" : event.actor;
  switch (event.type) {
    case "handoff": {
      const { handoff, priority, skill } = set;
      const data = {
        conversationId,
        by,
        ...event.data,
        priority,
        skill,
        summary: handoff?.summary,
      };
      return { type: "conversation.handed_off", data };
    }
    case "claimed":
    case "assigned":
      return {
        type: "conversation.assigned",
        data: { conversationId, agentId: event.agentId, by },
      };
    case "transferred":
      return set.assigneeId
        ? {
            type: "conversation.assigned",
            data: { conversationId, agentId: set.assigneeId, by, byAgentId: event.agentId },
          }
        : undefined;
    case "resolved":
      return {
        type: "conversation.resolved",
        data: { conversationId, by, ...(event.agentId ? { agentId: event.agentId } : {}) },
      };
    default:
      return undefined;
  }
}

async function isActiveAgent(tx: Tx, agentId: number): Promise<boolean> {
  const { agents } = tx.t;
  const [found] = await tx.q
    .select({ active: agents.active })
    .from(agents)
    .where(eq(agents.id, agentId));
  return found?.active === true;
}

async function agentName(tx: Tx, agentId: number): Promise<string> {
  const { agents } = tx.t;
  const [found] = await tx.q
    .select({ name: agents.name })
    .from(agents)
    .where(eq(agents.id, agentId));
  return found?.name ?? "An agent";
}
