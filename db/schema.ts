import { sql } from "drizzle-orm";
import {
  check,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";
import type {
  ApiScope,
  Attachment,
  Author,
  ConversationStatus,
  Handoff,
  HandoffReason,
  SettingsKey,
  SystemEvent,
  WebhookEvent,
} from "../protocol/index.ts";

export const agents = sqliteTable("agents", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  role: text("role", { enum: ["agent", "admin"] }).notNull(),
  /** An scrypt hash, or a marker without one while an invitation is not yet accepted. */
  passwordHash: text("password_hash").notNull(),
  /** A deactivated agent cannot sign in and loses every session; their history stays. */
  active: integer("active", { mode: "boolean" }).notNull().default(true),
  /** Skill groups the router sends handoffs from (billing, technical, security, general...). */
  skills: text("skills", { mode: "json" }).$type<string[]>().notNull().default(["general"]),
  /** ISO 639-1 codes of the languages the agent answers in. */
  languages: text("languages", { mode: "json" }).$type<string[]>().notNull().default(["en"]),
  /** At most this many assigned conversations at once. */
  capacity: integer("capacity").notNull().default(5),
  /** The agent said they are away: connected, but no new assignments. Survives reconnects. */
  away: integer("away", { mode: "boolean" }).notNull().default(false),
  /** Besides push, alerts (assigned to them, waiting too long) reach their email. */
  emailAlerts: integer("email_alerts", { mode: "boolean" }).notNull().default(false),
  createdAt: integer("created_at").notNull(),
});

/** One-time links an admin hands to an agent: to set a first password, or a new one. */
export const passwordLinks = sqliteTable("password_links", {
  tokenHash: text("token_hash").primaryKey(),
  agentId: integer("agent_id")
    .notNull()
    .references(() => agents.id, { onDelete: "cascade" }),
  purpose: text("purpose", { enum: ["invite", "reset"] }).notNull(),
  expiresAt: integer("expires_at").notNull(),
});

export const agentSessions = sqliteTable("agent_sessions", {
  tokenHash: text("token_hash").primaryKey(),
  agentId: integer("agent_id")
    .notNull()
    .references(() => agents.id, { onDelete: "cascade" }),
  createdAt: integer("created_at").notNull(),
  expiresAt: integer("expires_at").notNull(),
});

/** A person using the widget. Their token is signed by the server, so nothing of it is stored. */
export const visitors = sqliteTable("visitors", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  /** The company's own user id, set only after its signature was verified. */
  userId: text("user_id").unique(),
  /** Given by the company's page with the signed user id, so only when it verified. */
  name: text("name"),
  email: text("email"),
  /** Typed by the customer into the widget for replies when nobody could answer; not verified. */
  contactEmail: text("contact_email"),
  createdAt: integer("created_at").notNull(),
});

export const conversations = sqliteTable(
  "conversations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    visitorId: integer("visitor_id")
      .notNull()
      .references(() => visitors.id, { onDelete: "cascade" }),
    status: text("status").$type<ConversationStatus>().notNull().default("bot"),
    assigneeId: integer("assignee_id").references(() => agents.id),
    handoff: text("handoff", { mode: "json" }).$type<Handoff>(),
    priority: integer("priority").notNull().default(0),
    /** The skill group the router looks for: set at handoff from the reasons, or by a transfer. */
    skill: text("skill"),
    /** The customer's language at handoff (ISO 639-1, "und" when unknown). */
    language: text("language"),
    /** When the conversation last entered the queue: the queue's second sort key. */
    queuedAt: integer("queued_at"),
    /** The page the customer was on when they last wrote, as the widget reported it. */
    pageUrl: text("page_url"),
    pageTitle: text("page_title"),
    lastSeq: integer("last_seq").notNull().default(0),
    /** Kept with each message, so a summary need not count the transcript (unread counts). */
    customerMessages: integer("customer_messages").notNull().default(0),
    /** The customer's satisfaction (CSAT) after it was resolved: 1 to 5, and what they added. */
    rating: integer("rating"),
    ratingComment: text("rating_comment"),
    ratedAt: integer("rated_at"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (table) => [
    index("conversations_visitor_idx").on(table.visitorId, table.id),
    index("conversations_status_idx").on(table.status, table.priority, table.updatedAt),
    index("conversations_assignee_idx").on(table.assigneeId, table.status),
    check("conversations_rating_check", sql`${table.rating} between 1 and 5`),
    check(
      "conversations_status_check",
      sql`${table.status} in ('bot','queued','assigned','resolved')`,
    ),
    // Exactly one assignee while assigned, none while waiting in the queue or with the bot.
    check(
      "conversations_assignee_check",
      sql`(${table.status} = 'assigned') = (${table.assigneeId} is not null) or ${table.status} = 'resolved'`,
    ),
  ],
);

export const messages = sqliteTable(
  "messages",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    conversationId: integer("conversation_id")
      .notNull()
      .references(() => conversations.id, { onDelete: "cascade" }),
    seq: integer("seq").notNull(),
    author: text("author").$type<Author>().notNull(),
    agentId: integer("agent_id").references(() => agents.id),
    clientId: text("client_id"),
    text: text("text").notNull(),
    faqId: integer("faq_id"),
    /** For system messages: which event they announce, so each app can word it in its language. */
    event: text("event").$type<SystemEvent>(),
    /** An agent's note for colleagues: never sent to the customer. */
    internal: integer("internal", { mode: "boolean" }).notNull().default(false),
    /** The files sent with it, as stored in `attachments` (without links). */
    attachments: text("attachments", { mode: "json" }).$type<StoredAttachment[]>(),
    createdAt: integer("created_at").notNull(),
  },
  (table) => [
    uniqueIndex("messages_seq_unique").on(table.conversationId, table.seq),
    uniqueIndex("messages_client_id_unique").on(table.conversationId, table.clientId),
    // The reports' first human reply: agents' messages only, a small part of all.
    index("messages_agent_reply_idx")
      .on(table.conversationId, table.createdAt)
      .where(sql`${table.author} = 'agent' and ${table.internal} = 0`),
    check("messages_author_check", sql`${table.author} in ('customer','bot','agent','system')`),
  ],
);

/** What happened to a conversation and who did it; the reports are computed from these. */
export const EVENT_TYPES = [
  "created",
  /** The bot answered from the FAQ: `{ faqId, language }`. */
  "answered",
  /** To a person: `{ reasons, language, afterFaqId? }`, the last when it followed a bot answer. */
  "handoff",
  "retriaged",
  "claimed",
  "assigned",
  "transferred",
  /** By the assignee, or by the bot after the customer thanked it: `{ faqId }`. */
  "resolved",
  /** The customer wrote again: `{ to: "bot" | "queued" }`. */
  "reopened",
] as const;

export const conversationEvents = sqliteTable(
  "conversation_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    conversationId: integer("conversation_id")
      .notNull()
      .references(() => conversations.id, { onDelete: "cascade" }),
    type: text("type", { enum: EVENT_TYPES }).notNull(),
    actor: text("actor").$type<Author>().notNull(),
    agentId: integer("agent_id").references(() => agents.id),
    data: text("data", { mode: "json" }).$type<Record<string, unknown>>(),
    at: integer("at").notNull(),
  },
  (table) => [
    index("conversation_events_conversation_idx").on(table.conversationId),
    index("conversation_events_at_idx").on(table.at),
  ],
);

/**
 * Each time a person took a conversation from the queue: how long it waited, for which skill
 * and language. The expected wait a queued customer sees is computed from these.
 */
export const pickups = sqliteTable(
  "pickups",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    conversationId: integer("conversation_id")
      .notNull()
      .references(() => conversations.id, { onDelete: "cascade" }),
    skill: text("skill").notNull(),
    language: text("language").notNull(),
    queuedAt: integer("queued_at").notNull(),
    pickedAt: integer("picked_at").notNull(),
  },
  (table) => [index("pickups_picked_at_idx").on(table.pickedAt)],
);

/**
 * When each agent was online or away (connected, taking no new conversations), one row per
 * stretch; the one that lasts has no end yet. For the agents' report.
 */
export const agentPresence = sqliteTable(
  "agent_presence",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    agentId: integer("agent_id")
      .notNull()
      .references(() => agents.id, { onDelete: "cascade" }),
    state: text("state", { enum: ["online", "away"] }).notNull(),
    startedAt: integer("started_at").notNull(),
    endedAt: integer("ended_at"),
  },
  (table) => [
    index("agent_presence_agent_idx").on(table.agentId, table.endedAt),
    index("agent_presence_started_idx").on(table.startedAt),
  ],
);

/**
 * Emails waiting to be sent (an agent's reply to a customer who left). Written before the
 * first attempt, so a failing mail server or a restart loses none; retried with backoff.
 */
export const outboxEmails = sqliteTable(
  "outbox_emails",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    conversationId: integer("conversation_id")
      .notNull()
      .references(() => conversations.id, { onDelete: "cascade" }),
    to: text("to").notNull(),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    attempts: integer("attempts").notNull().default(0),
    /** Null once sent, or once it failed too often to try again. */
    nextAttemptAt: integer("next_attempt_at"),
    sentAt: integer("sent_at"),
    lastError: text("last_error"),
    createdAt: integer("created_at").notNull(),
  },
  (table) => [index("outbox_emails_due_idx").on(table.nextAttemptAt)],
);

/** An attachment as a message stores it: what every reader needs, without the signed link. */
export type StoredAttachment = Omit<Attachment, "url">;

/**
 * A file a customer or an agent uploaded, tied to the visitor it was shared with (erased with
 * them) and, once sent, to its message. The bytes live in the file store under `storageKey`.
 */
export const attachments = sqliteTable(
  "attachments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    visitorId: integer("visitor_id")
      .notNull()
      .references(() => visitors.id, { onDelete: "cascade" }),
    /** Set when the message it went with was stored; until then only its uploader has it. */
    conversationId: integer("conversation_id").references(() => conversations.id, {
      onDelete: "cascade",
    }),
    /** The agent who uploaded it; null for the customer's own files. */
    agentId: integer("agent_id").references(() => agents.id),
    storageKey: text("storage_key").notNull().unique(),
    name: text("name").notNull(),
    contentType: text("content_type").notNull(),
    size: integer("size").notNull(),
    width: integer("width"),
    height: integer("height"),
    createdAt: integer("created_at").notNull(),
  },
  (table) => [
    index("attachments_visitor_idx").on(table.visitorId, table.conversationId),
    index("attachments_conversation_idx").on(table.conversationId),
    index("attachments_created_idx").on(table.createdAt),
  ],
);

/**
 * Stored bytes to remove: written in the transaction that erased their rows (a visitor's
 * erasure, an upload never sent), removed from the store after it, so a crash loses none.
 */
export const fileDeletions = sqliteTable("file_deletions", {
  storageKey: text("storage_key").primaryKey(),
  since: integer("since").notNull(),
});

/** Where the company wants to hear of what happens in conversations (signed HTTP POSTs). */
export const webhookEndpoints = sqliteTable("webhook_endpoints", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  url: text("url").notNull(),
  description: text("description").notNull().default(""),
  events: text("events", { mode: "json" }).$type<WebhookEvent[]>().notNull(),
  /** Standard Webhooks' form: whsec_ and the HMAC key in base64. */
  secret: text("secret").notNull(),
  active: integer("active", { mode: "boolean" }).notNull().default(true),
  createdAt: integer("created_at").notNull(),
});

/**
 * One event for one endpoint: written in the transaction of the change it tells of, then
 * posted and retried with backoff until the receiver answers 2xx or it is given up. Its log is
 * what the admin sees.
 */
export const webhookDeliveries = sqliteTable(
  "webhook_deliveries",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    endpointId: integer("endpoint_id")
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: "cascade" }),
    /** The same for every endpoint told of the event; receivers use it to drop repeats. */
    eventId: text("event_id").notNull(),
    type: text("type").$type<WebhookEvent>().notNull(),
    /** The JSON body exactly as signed and sent. */
    payload: text("payload").notNull(),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: integer("next_attempt_at"),
    deliveredAt: integer("delivered_at"),
    lastStatus: integer("last_status"),
    lastError: text("last_error"),
    createdAt: integer("created_at").notNull(),
  },
  (table) => [
    index("webhook_deliveries_due_idx").on(table.nextAttemptAt),
    index("webhook_deliveries_endpoint_idx").on(table.endpointId, table.id),
  ],
);

/** Admin-issued keys to the REST API: stored hashed, scoped, acting as one agent, revocable. */
export const apiTokens = sqliteTable("api_tokens", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  name: text("name").notNull(),
  tokenHash: text("token_hash").notNull().unique(),
  scopes: text("scopes", { mode: "json" }).$type<ApiScope[]>().notNull(),
  /** Replies and notes made with the token are this agent's. */
  agentId: integer("agent_id")
    .notNull()
    .references(() => agents.id),
  createdBy: integer("created_by").references(() => agents.id),
  createdAt: integer("created_at").notNull(),
  lastUsedAt: integer("last_used_at"),
  revokedAt: integer("revoked_at"),
});

/** The server's VAPID key pair for Web Push, made on first start; one row, shared by every node. */
export const pushKeys = sqliteTable("push_keys", {
  id: integer("id").primaryKey().default(1),
  publicKey: text("public_key").notNull(),
  privateKey: text("private_key").notNull(),
  createdAt: integer("created_at").notNull(),
});

/** A browser an agent let alert them (the Push API's subscription), one per device. */
export const pushSubscriptions = sqliteTable(
  "push_subscriptions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    agentId: integer("agent_id")
      .notNull()
      .references(() => agents.id, { onDelete: "cascade" }),
    endpoint: text("endpoint").notNull().unique(),
    p256dh: text("p256dh").notNull(),
    auth: text("auth").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (table) => [index("push_subscriptions_agent_idx").on(table.agentId)],
);

/** Queued conversations whose wait passed the target and were alerted about, once per wait. */
export const waitAlerts = sqliteTable(
  "wait_alerts",
  {
    conversationId: integer("conversation_id")
      .notNull()
      .references(() => conversations.id, { onDelete: "cascade" }),
    queuedAt: integer("queued_at").notNull(),
  },
  (table) => [primaryKey({ columns: [table.conversationId, table.queuedAt] })],
);

export const faqEntries = sqliteTable("faq_entries", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  lang: text("lang").notNull().default("en"),
  title: text("title").notNull(),
  answer: text("answer").notNull(),
  questions: text("questions", { mode: "json" }).$type<string[]>().notNull(),
  updatedAt: integer("updated_at").notNull(),
});

export const MARK_STATUSES = ["pending", "accepted", "rejected"] as const;

/**
 * An agent's verdict on what the bot did: "the FAQ answers this" (an example for an entry) or
 * "this should have gone to a person" (a negative with its reason). Pending until an admin
 * accepts or rejects it; accepted ones teach the engine. Erased with the visitor's conversation.
 */
export const triageMarks = sqliteTable(
  "triage_marks",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    conversationId: integer("conversation_id")
      .notNull()
      .references(() => conversations.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ["answerable", "needs_person"] }).notNull(),
    /** The customer's words the mark is about. */
    text: text("text").notNull(),
    language: text("language").notNull(),
    /** For "answerable": the entry that answers it. */
    faqId: integer("faq_id").references(() => faqEntries.id, { onDelete: "cascade" }),
    /** For "needs_person": why a person should have taken it. */
    reason: text("reason").$type<HandoffReason>(),
    status: text("status", { enum: MARK_STATUSES }).notNull().default("pending"),
    markedBy: integer("marked_by").references(() => agents.id),
    reviewedBy: integer("reviewed_by").references(() => agents.id),
    createdAt: integer("created_at").notNull(),
    reviewedAt: integer("reviewed_at"),
  },
  (table) => [
    uniqueIndex("triage_marks_unique").on(table.conversationId, table.kind, table.text),
    index("triage_marks_status_idx").on(table.status),
    check(
      "triage_marks_kind_check",
      sql`(${table.kind} = 'answerable' and ${table.faqId} is not null) or (${table.kind} = 'needs_person' and ${table.reason} is not null)`,
    ),
  ],
);

/** Who did what: sign-ins, conversation moves, admin changes, exports and deletions. */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: integer("at").notNull(),
    /** Null for an action without a signed-in agent (a failed sign-in). */
    agentId: integer("agent_id").references(() => agents.id),
    action: text("action").notNull(),
    /** What the action was about, for example "conversation:12" or "visitor:4". */
    target: text("target"),
    data: text("data", { mode: "json" }).$type<Record<string, unknown>>(),
  },
  (table) => [index("audit_log_at_idx").on(table.at)],
);

/** How far each agent has read each conversation: unread counts, and "read" for the customer. */
export const agentReads = sqliteTable(
  "agent_reads",
  {
    agentId: integer("agent_id")
      .notNull()
      .references(() => agents.id, { onDelete: "cascade" }),
    conversationId: integer("conversation_id")
      .notNull()
      .references(() => conversations.id, { onDelete: "cascade" }),
    seq: integer("seq").notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.agentId, table.conversationId] }),
    index("agent_reads_conversation_idx").on(table.conversationId),
  ],
);

/** Replies an admin wrote once for everyone; an agent inserts one by typing "/shortcut". */
export const cannedResponses = sqliteTable("canned_responses", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  shortcut: text("shortcut").notNull().unique(),
  text: text("text").notNull(),
  updatedAt: integer("updated_at").notNull(),
});

/** Admin settings, one JSON document per key (routing, widget, inbox). */
export const settings = sqliteTable("settings", {
  key: text("key").$type<SettingsKey>().primaryKey(),
  value: text("value", { mode: "json" }).$type<unknown>().notNull(),
  updatedAt: integer("updated_at").notNull(),
});
