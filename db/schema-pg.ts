/**
 * The same tables for PostgreSQL, column for column (what each holds is said in schema.ts;
 * `schema-drift.test.ts` fails when the two differ). Milliseconds since the epoch are bigint,
 * flags boolean, JSON documents jsonb.
 */
import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
} from "drizzle-orm/pg-core";
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
import { EVENT_TYPES, MARK_STATUSES } from "./schema.ts";

export const agents = pgTable("agents", {
  id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  role: text("role", { enum: ["agent", "admin"] }).notNull(),
  passwordHash: text("password_hash").notNull(),
  active: boolean("active").notNull().default(true),
  skills: jsonb("skills").$type<string[]>().notNull().default(["general"]),
  languages: jsonb("languages").$type<string[]>().notNull().default(["en"]),
  capacity: integer("capacity").notNull().default(5),
  away: boolean("away").notNull().default(false),
  /** Besides push, alerts (assigned to them, waiting too long) reach their email. */
  emailAlerts: boolean("email_alerts").notNull().default(false),
  createdAt: bigint("created_at", { mode: "number" }).notNull(),
});

export const passwordLinks = pgTable("password_links", {
  tokenHash: text("token_hash").primaryKey(),
  agentId: integer("agent_id")
    .notNull()
    .references(() => agents.id, { onDelete: "cascade" }),
  purpose: text("purpose", { enum: ["invite", "reset"] }).notNull(),
  expiresAt: bigint("expires_at", { mode: "number" }).notNull(),
});

export const agentSessions = pgTable("agent_sessions", {
  tokenHash: text("token_hash").primaryKey(),
  agentId: integer("agent_id")
    .notNull()
    .references(() => agents.id, { onDelete: "cascade" }),
  createdAt: bigint("created_at", { mode: "number" }).notNull(),
  expiresAt: bigint("expires_at", { mode: "number" }).notNull(),
});

export const visitors = pgTable("visitors", {
  id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
  userId: text("user_id").unique(),
  name: text("name"),
  email: text("email"),
  contactEmail: text("contact_email"),
  createdAt: bigint("created_at", { mode: "number" }).notNull(),
});

export const conversations = pgTable(
  "conversations",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    visitorId: integer("visitor_id")
      .notNull()
      .references(() => visitors.id, { onDelete: "cascade" }),
    status: text("status").$type<ConversationStatus>().notNull().default("bot"),
    assigneeId: integer("assignee_id").references(() => agents.id),
    handoff: jsonb("handoff").$type<Handoff>(),
    priority: integer("priority").notNull().default(0),
    skill: text("skill"),
    language: text("language"),
    queuedAt: bigint("queued_at", { mode: "number" }),
    pageUrl: text("page_url"),
    pageTitle: text("page_title"),
    lastSeq: integer("last_seq").notNull().default(0),
    customerMessages: integer("customer_messages").notNull().default(0),
    rating: integer("rating"),
    ratingComment: text("rating_comment"),
    ratedAt: bigint("rated_at", { mode: "number" }),
    createdAt: bigint("created_at", { mode: "number" }).notNull(),
    updatedAt: bigint("updated_at", { mode: "number" }).notNull(),
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
    check(
      "conversations_assignee_check",
      sql`(${table.status} = 'assigned') = (${table.assigneeId} is not null) or ${table.status} = 'resolved'`,
    ),
  ],
);

export const messages = pgTable(
  "messages",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    conversationId: integer("conversation_id")
      .notNull()
      .references(() => conversations.id, { onDelete: "cascade" }),
    seq: integer("seq").notNull(),
    author: text("author").$type<Author>().notNull(),
    agentId: integer("agent_id").references(() => agents.id),
    clientId: text("client_id"),
    text: text("text").notNull(),
    faqId: integer("faq_id"),
    event: text("event").$type<SystemEvent>(),
    internal: boolean("internal").notNull().default(false),
    /** The files sent with it, as stored in `attachments` (without links). */
    attachments: jsonb("attachments").$type<StoredAttachment[]>(),
    createdAt: bigint("created_at", { mode: "number" }).notNull(),
  },
  (table) => [
    uniqueIndex("messages_seq_unique").on(table.conversationId, table.seq),
    uniqueIndex("messages_client_id_unique").on(table.conversationId, table.clientId),
    // The reports' first human reply: agents' messages only, a small part of all.
    index("messages_agent_reply_idx")
      .on(table.conversationId, table.createdAt)
      .where(sql`${table.author} = 'agent' and ${table.internal} = false`),
    check("messages_author_check", sql`${table.author} in ('customer','bot','agent','system')`),
  ],
);

export const conversationEvents = pgTable(
  "conversation_events",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    conversationId: integer("conversation_id")
      .notNull()
      .references(() => conversations.id, { onDelete: "cascade" }),
    type: text("type", { enum: EVENT_TYPES }).notNull(),
    actor: text("actor").$type<Author>().notNull(),
    agentId: integer("agent_id").references(() => agents.id),
    data: jsonb("data").$type<Record<string, unknown>>(),
    at: bigint("at", { mode: "number" }).notNull(),
  },
  (table) => [
    index("conversation_events_conversation_idx").on(table.conversationId),
    index("conversation_events_at_idx").on(table.at),
  ],
);

export const pickups = pgTable(
  "pickups",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    conversationId: integer("conversation_id")
      .notNull()
      .references(() => conversations.id, { onDelete: "cascade" }),
    skill: text("skill").notNull(),
    language: text("language").notNull(),
    queuedAt: bigint("queued_at", { mode: "number" }).notNull(),
    pickedAt: bigint("picked_at", { mode: "number" }).notNull(),
  },
  (table) => [index("pickups_picked_at_idx").on(table.pickedAt)],
);

export const agentPresence = pgTable(
  "agent_presence",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    agentId: integer("agent_id")
      .notNull()
      .references(() => agents.id, { onDelete: "cascade" }),
    state: text("state", { enum: ["online", "away"] }).notNull(),
    startedAt: bigint("started_at", { mode: "number" }).notNull(),
    endedAt: bigint("ended_at", { mode: "number" }),
  },
  (table) => [
    index("agent_presence_agent_idx").on(table.agentId, table.endedAt),
    index("agent_presence_started_idx").on(table.startedAt),
  ],
);

export const outboxEmails = pgTable(
  "outbox_emails",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    conversationId: integer("conversation_id")
      .notNull()
      .references(() => conversations.id, { onDelete: "cascade" }),
    to: text("to").notNull(),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: bigint("next_attempt_at", { mode: "number" }),
    sentAt: bigint("sent_at", { mode: "number" }),
    lastError: text("last_error"),
    createdAt: bigint("created_at", { mode: "number" }).notNull(),
  },
  (table) => [index("outbox_emails_due_idx").on(table.nextAttemptAt)],
);

/** An attachment as a message stores it: what every reader needs, without the signed link. */
export type StoredAttachment = Omit<Attachment, "url">;

/**
 * A file a customer or an agent uploaded, tied to the visitor it was shared with (erased with
 * them) and, once sent, to its message. The bytes live in the file store under `storageKey`.
 */
export const attachments = pgTable(
  "attachments",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
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
    createdAt: bigint("created_at", { mode: "number" }).notNull(),
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
export const fileDeletions = pgTable("file_deletions", {
  storageKey: text("storage_key").primaryKey(),
  since: bigint("since", { mode: "number" }).notNull(),
});

/** Where the company wants to hear of what happens in conversations (signed HTTP POSTs). */
export const webhookEndpoints = pgTable("webhook_endpoints", {
  id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
  url: text("url").notNull(),
  description: text("description").notNull().default(""),
  events: jsonb("events").$type<WebhookEvent[]>().notNull(),
  /** Standard Webhooks' form: whsec_ and the HMAC key in base64. */
  secret: text("secret").notNull(),
  active: boolean("active").notNull().default(true),
  createdAt: bigint("created_at", { mode: "number" }).notNull(),
});

/**
 * One event for one endpoint: written in the transaction of the change it tells of, then
 * posted and retried with backoff until the receiver answers 2xx or it is given up. Its log is
 * what the admin sees.
 */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    endpointId: integer("endpoint_id")
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: "cascade" }),
    /** The same for every endpoint told of the event; receivers use it to drop repeats. */
    eventId: text("event_id").notNull(),
    type: text("type").$type<WebhookEvent>().notNull(),
    /** The JSON body exactly as signed and sent. */
    payload: text("payload").notNull(),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: bigint("next_attempt_at", { mode: "number" }),
    deliveredAt: bigint("delivered_at", { mode: "number" }),
    lastStatus: integer("last_status"),
    lastError: text("last_error"),
    createdAt: bigint("created_at", { mode: "number" }).notNull(),
  },
  (table) => [
    index("webhook_deliveries_due_idx").on(table.nextAttemptAt),
    index("webhook_deliveries_endpoint_idx").on(table.endpointId, table.id),
  ],
);

/** Admin-issued keys to the REST API: stored hashed, scoped, acting as one agent, revocable. */
export const apiTokens = pgTable("api_tokens", {
  id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
  name: text("name").notNull(),
  tokenHash: text("token_hash").notNull().unique(),
  scopes: jsonb("scopes").$type<ApiScope[]>().notNull(),
  /** Replies and notes made with the token are this agent's. */
  agentId: integer("agent_id")
    .notNull()
    .references(() => agents.id),
  createdBy: integer("created_by").references(() => agents.id),
  createdAt: bigint("created_at", { mode: "number" }).notNull(),
  lastUsedAt: bigint("last_used_at", { mode: "number" }),
  revokedAt: bigint("revoked_at", { mode: "number" }),
});

/** The server's VAPID key pair for Web Push, made on first start; one row, shared by every node. */
export const pushKeys = pgTable("push_keys", {
  id: integer("id").primaryKey().default(1),
  publicKey: text("public_key").notNull(),
  privateKey: text("private_key").notNull(),
  createdAt: bigint("created_at", { mode: "number" }).notNull(),
});

/** A browser an agent let alert them (the Push API's subscription), one per device. */
export const pushSubscriptions = pgTable(
  "push_subscriptions",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    agentId: integer("agent_id")
      .notNull()
      .references(() => agents.id, { onDelete: "cascade" }),
    endpoint: text("endpoint").notNull().unique(),
    p256dh: text("p256dh").notNull(),
    auth: text("auth").notNull(),
    createdAt: bigint("created_at", { mode: "number" }).notNull(),
  },
  (table) => [index("push_subscriptions_agent_idx").on(table.agentId)],
);

/** Queued conversations whose wait passed the target and were alerted about, once per wait. */
export const waitAlerts = pgTable(
  "wait_alerts",
  {
    conversationId: integer("conversation_id")
      .notNull()
      .references(() => conversations.id, { onDelete: "cascade" }),
    queuedAt: bigint("queued_at", { mode: "number" }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.conversationId, table.queuedAt] })],
);

export const faqEntries = pgTable("faq_entries", {
  id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
  lang: text("lang").notNull().default("en"),
  title: text("title").notNull(),
  answer: text("answer").notNull(),
  questions: jsonb("questions").$type<string[]>().notNull(),
  updatedAt: bigint("updated_at", { mode: "number" }).notNull(),
});

export const triageMarks = pgTable(
  "triage_marks",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    conversationId: integer("conversation_id")
      .notNull()
      .references(() => conversations.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ["answerable", "needs_person"] }).notNull(),
    text: text("text").notNull(),
    language: text("language").notNull(),
    faqId: integer("faq_id").references(() => faqEntries.id, { onDelete: "cascade" }),
    reason: text("reason").$type<HandoffReason>(),
    status: text("status", { enum: MARK_STATUSES }).notNull().default("pending"),
    markedBy: integer("marked_by").references(() => agents.id),
    reviewedBy: integer("reviewed_by").references(() => agents.id),
    createdAt: bigint("created_at", { mode: "number" }).notNull(),
    reviewedAt: bigint("reviewed_at", { mode: "number" }),
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

export const auditLog = pgTable(
  "audit_log",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    at: bigint("at", { mode: "number" }).notNull(),
    agentId: integer("agent_id").references(() => agents.id),
    action: text("action").notNull(),
    target: text("target"),
    data: jsonb("data").$type<Record<string, unknown>>(),
  },
  (table) => [index("audit_log_at_idx").on(table.at)],
);

export const agentReads = pgTable(
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

export const cannedResponses = pgTable("canned_responses", {
  id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
  shortcut: text("shortcut").notNull().unique(),
  text: text("text").notNull(),
  updatedAt: bigint("updated_at", { mode: "number" }).notNull(),
});

export const settings = pgTable("settings", {
  key: text("key").$type<SettingsKey>().primaryKey(),
  value: jsonb("value").$type<unknown>().notNull(),
  updatedAt: bigint("updated_at", { mode: "number" }).notNull(),
});
