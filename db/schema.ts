import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import type { Author, ConversationStatus, Handoff, SystemEvent } from "../protocol/index.ts";

export const agents = sqliteTable("agents", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  role: text("role", { enum: ["agent", "admin"] }).notNull(),
  passwordHash: text("password_hash").notNull(),
  /** A deactivated agent cannot sign in and loses every session; their history stays. */
  active: integer("active", { mode: "boolean" }).notNull().default(true),
  createdAt: integer("created_at").notNull(),
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
    lastSeq: integer("last_seq").notNull().default(0),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (table) => [
    index("conversations_visitor_idx").on(table.visitorId, table.id),
    index("conversations_status_idx").on(table.status, table.priority, table.updatedAt),
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
    createdAt: integer("created_at").notNull(),
  },
  (table) => [
    uniqueIndex("messages_seq_unique").on(table.conversationId, table.seq),
    uniqueIndex("messages_client_id_unique").on(table.conversationId, table.clientId),
    check("messages_author_check", sql`${table.author} in ('customer','bot','agent','system')`),
  ],
);

export const conversationEvents = sqliteTable(
  "conversation_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    conversationId: integer("conversation_id")
      .notNull()
      .references(() => conversations.id, { onDelete: "cascade" }),
    type: text("type", {
      enum: ["created", "handoff", "claimed", "resolved", "reopened"],
    }).notNull(),
    actor: text("actor").$type<Author>().notNull(),
    agentId: integer("agent_id").references(() => agents.id),
    data: text("data", { mode: "json" }).$type<Record<string, unknown>>(),
    at: integer("at").notNull(),
  },
  (table) => [index("conversation_events_conversation_idx").on(table.conversationId)],
);

export const faqEntries = sqliteTable("faq_entries", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  lang: text("lang").notNull().default("en"),
  title: text("title").notNull(),
  answer: text("answer").notNull(),
  questions: text("questions", { mode: "json" }).$type<string[]>().notNull(),
  updatedAt: integer("updated_at").notNull(),
});

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
