// Every frame on the wire, declared once. Visitor frames travel on /ws/visitor, agent frames
// on /ws/agent; both share the message and error shapes.
import * as v from "valibot";

export const PROTOCOL_VERSION = 1;
/** A client pings after this long without a frame, and gives the socket up when the pong is late. */
export const HEARTBEAT_MS = 25_000;
export const HEARTBEAT_TIMEOUT_MS = 10_000;
export const MAX_TEXT_LENGTH = 4000;
const MAX_CLIENT_ID_LENGTH = 64;
const MAX_TOKEN_LENGTH = 512;
const MAX_USER_ID_LENGTH = 256;

export const HANDOFF_REASONS = [
  "emotional",
  "financial",
  "complex",
  "special_request",
  "sensitive",
  "human_request",
  "unsure",
] as const;
export type HandoffReason = (typeof HANDOFF_REASONS)[number];

export const CONVERSATION_STATUSES = ["bot", "queued", "assigned", "resolved"] as const;
export type ConversationStatus = (typeof CONVERSATION_STATUSES)[number];

export const AUTHORS = ["customer", "bot", "agent", "system"] as const;
export type Author = (typeof AUTHORS)[number];

export const SYSTEM_EVENTS = ["handoff", "joined", "resolved", "reopened"] as const;
export type SystemEvent = (typeof SYSTEM_EVENTS)[number];

export const ERROR_CODES = [
  "invalid_frame",
  "not_ready",
  "rate_limited",
  "not_found",
  "forbidden",
  "conflict",
  "internal",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

const clientId = v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_CLIENT_ID_LENGTH));
const messageText = v.pipe(
  v.string(),
  v.trim(),
  v.minLength(1, "A message cannot be empty."),
  v.maxLength(MAX_TEXT_LENGTH, `A message can be at most ${MAX_TEXT_LENGTH} characters.`),
);
const id = v.pipe(v.number(), v.integer(), v.minValue(1));
const timestamp = v.pipe(v.number(), v.integer());

const evidenceSchema = v.object({ start: v.number(), end: v.number() });
const handoffSchema = v.object({
  reasons: v.array(
    v.object({
      reason: v.picklist(HANDOFF_REASONS),
      score: v.number(),
      evidence: v.array(evidenceSchema),
    }),
  ),
  priority: v.number(),
  summary: v.string(),
  /** The customer text the evidence spans point into (a burst of messages, joined by newlines). */
  text: v.string(),
  /** ISO 639-1 code of the customer's language, "und" when it could not be told. */
  language: v.string(),
});
export type Handoff = v.InferOutput<typeof handoffSchema>;

const wireMessageSchema = v.object({
  seq: v.number(),
  author: v.picklist(AUTHORS),
  text: v.string(),
  at: timestamp,
  clientId: v.optional(v.string()),
  authorName: v.optional(v.string()),
  faq: v.optional(v.object({ id: v.number(), title: v.string() })),
  event: v.optional(v.picklist(SYSTEM_EVENTS)),
});
export type WireMessage = v.InferOutput<typeof wireMessageSchema>;

const visitorConversationSchema = v.object({
  id,
  status: v.picklist(CONVERSATION_STATUSES),
  agentName: v.optional(v.string()),
});
export type VisitorConversation = v.InferOutput<typeof visitorConversationSchema>;

const conversationSummarySchema = v.object({
  id,
  visitorId: id,
  status: v.picklist(CONVERSATION_STATUSES),
  handoff: v.optional(handoffSchema),
  assigneeId: v.optional(id),
  assigneeName: v.optional(v.string()),
  lastMessage: v.optional(wireMessageSchema),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type ConversationSummary = v.InferOutput<typeof conversationSummarySchema>;

const ackSchema = v.object({ type: v.literal("ack"), clientId: v.string(), seq: v.number() });
const errorSchema = v.object({
  type: v.literal("error"),
  code: v.picklist(ERROR_CODES),
  message: v.string(),
  clientId: v.optional(v.string()),
  /** With rate_limited: when the same frame will be accepted again. */
  retryAfterMs: v.optional(v.number()),
});
export type ErrorFrame = v.InferOutput<typeof errorSchema>;

const seq = v.pipe(v.number(), v.integer(), v.minValue(0));
/** Application-level heartbeat: browsers cannot send WebSocket pings, so clients send this. */
const ping = v.object({ type: v.literal("ping") });
const pong = v.object({ type: v.literal("pong") });

export const visitorClientFrame = v.variant("type", [
  v.object({
    type: v.literal("hello"),
    v: v.literal(PROTOCOL_VERSION),
    token: v.optional(v.pipe(v.string(), v.maxLength(MAX_TOKEN_LENGTH))),
    /** The last message this client holds: the welcome then carries only what came after. */
    resume: v.optional(v.object({ conversationId: id, seq })),
    /**
     * A signed-in customer of the company: their user id and the HMAC-SHA256 of it, made
     * by the company's backend with the identity secret. Without a valid hash it is ignored.
     */
    user: v.optional(
      v.object({
        id: v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_USER_ID_LENGTH)),
        hash: v.pipe(v.string(), v.maxLength(128)),
      }),
    ),
  }),
  v.object({ type: v.literal("send"), clientId, text: messageText }),
  v.object({ type: v.literal("talk_to_person") }),
  /** Sent every few seconds while the customer types: the bot does not interrupt. */
  v.object({ type: v.literal("typing") }),
  ping,
]);
export type VisitorClientFrame = v.InferOutput<typeof visitorClientFrame>;

export const visitorServerFrame = v.variant("type", [
  v.object({
    type: v.literal("welcome"),
    token: v.string(),
    conversation: v.nullable(visitorConversationSchema),
    /** Only the messages after the resume point when `resumed`, else the whole transcript. */
    messages: v.array(wireMessageSchema),
    resumed: v.boolean(),
    /** The verified user id when the hello proved one. */
    userId: v.optional(v.string()),
  }),
  ackSchema,
  v.object({ type: v.literal("message"), conversationId: id, message: wireMessageSchema }),
  v.object({ type: v.literal("conversation"), conversation: visitorConversationSchema }),
  errorSchema,
  pong,
]);
export type VisitorServerFrame = v.InferOutput<typeof visitorServerFrame>;

export const agentClientFrame = v.variant("type", [
  /** Opens a transcript; with afterSeq (after a reconnect) only the messages it missed. */
  v.object({ type: v.literal("open"), conversationId: id, afterSeq: v.optional(seq) }),
  v.object({ type: v.literal("claim"), conversationId: id }),
  v.object({ type: v.literal("reply"), conversationId: id, clientId, text: messageText }),
  v.object({ type: v.literal("resolve"), conversationId: id }),
  ping,
]);
export type AgentClientFrame = v.InferOutput<typeof agentClientFrame>;

export const agentServerFrame = v.variant("type", [
  v.object({
    type: v.literal("inbox"),
    agent: v.object({ id, name: v.string() }),
    conversations: v.array(conversationSummarySchema),
    online: v.array(id),
  }),
  /** Which agents have a live inbox connection. */
  v.object({ type: v.literal("presence"), online: v.array(id) }),
  v.object({ type: v.literal("conversation"), conversation: conversationSummarySchema }),
  v.object({
    type: v.literal("transcript"),
    conversation: conversationSummarySchema,
    /** The messages after `afterSeq` (0: the whole transcript). */
    afterSeq: seq,
    messages: v.array(wireMessageSchema),
  }),
  v.object({ type: v.literal("message"), conversationId: id, message: wireMessageSchema }),
  ackSchema,
  errorSchema,
  pong,
]);
export type AgentServerFrame = v.InferOutput<typeof agentServerFrame>;
