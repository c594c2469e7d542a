// Every frame on the wire, declared once. Visitor frames travel on /ws/visitor, agent frames
// on /ws/agent; both share the message and error shapes.
import * as v from "valibot";
import { attachmentSchema, MAX_FILES_PER_MESSAGE } from "./files.ts";
import { MAX_COMMENT_LENGTH, MAX_TEXT_LENGTH, PROTOCOL_VERSION } from "./limits.ts";

const MAX_CLIENT_ID_LENGTH = 64;
const MAX_TOKEN_LENGTH = 512;
const MAX_USER_ID_LENGTH = 256;
const MAX_URL_LENGTH = 2048;

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

export const SYSTEM_EVENTS = ["handoff", "joined", "transferred", "resolved", "reopened"] as const;
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
/** One mailbox: no display name, no list, no line break that could start another header. */
export const emailAddress = v.pipe(
  v.string(),
  v.trim(),
  v.maxLength(254),
  v.email("That does not look like an email address."),
);
const id = v.pipe(v.number(), v.integer(), v.minValue(1));
/** Files uploaded beforehand (POST …/files), sent with a message; its text may then be empty. */
const fileIds = v.pipe(
  v.array(id),
  v.maxLength(MAX_FILES_PER_MESSAGE, `At most ${MAX_FILES_PER_MESSAGE} files per message.`),
);
const optionalText = v.pipe(
  v.optional(v.string(), ""),
  v.trim(),
  v.maxLength(MAX_TEXT_LENGTH, `A message can be at most ${MAX_TEXT_LENGTH} characters.`),
);
/** A text, files, or both: never nothing. */
function withContent<T extends { text: string; attachments?: number[] | undefined }>(frame: T) {
  return frame.text !== "" || (frame.attachments?.length ?? 0) > 0;
}
function seqSchema() {
  return v.pipe(v.number(), v.integer(), v.minValue(0));
}
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
  /** What the reasons and priority were before the customer's later messages changed them. */
  history: v.optional(
    v.array(
      v.object({
        reasons: v.array(v.picklist(HANDOFF_REASONS)),
        priority: v.number(),
        at: timestamp,
      }),
    ),
  ),
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
  /** An agent's note for colleagues; the customer never receives it. */
  internal: v.optional(v.literal(true)),
  attachments: v.optional(v.array(attachmentSchema)),
});
export type WireMessage = v.InferOutput<typeof wireMessageSchema>;

const ratingSchema = v.object({
  score: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(5)),
  comment: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(MAX_COMMENT_LENGTH))),
});
export type Rating = v.InferOutput<typeof ratingSchema>;

const visitorConversationSchema = v.object({
  id,
  status: v.picklist(CONVERSATION_STATUSES),
  agentName: v.optional(v.string()),
  /** The customer's messages up to here were read by a person. */
  readSeq: v.optional(seqSchema()),
  /** The customer's rating, once they gave one after it was resolved. */
  rating: v.optional(ratingSchema),
});
export type VisitorConversation = v.InferOutput<typeof visitorConversationSchema>;

/** The page the customer is on, as the widget saw it. */
const pageSchema = v.object({
  url: v.pipe(v.string(), v.maxLength(MAX_URL_LENGTH)),
  title: v.pipe(v.string(), v.maxLength(300)),
});
export type Page = v.InferOutput<typeof pageSchema>;

const conversationSummarySchema = v.object({
  id,
  visitorId: id,
  status: v.picklist(CONVERSATION_STATUSES),
  handoff: v.optional(handoffSchema),
  priority: v.number(),
  /** The skill group the router looks for. */
  skill: v.optional(v.string()),
  language: v.optional(v.string()),
  /** When it last entered the queue. */
  queuedAt: v.optional(timestamp),
  assigneeId: v.optional(id),
  assigneeName: v.optional(v.string()),
  page: v.optional(pageSchema),
  /** Known only when the company's page verified the customer's identity. */
  customer: v.optional(
    v.object({
      userId: v.optional(v.string()),
      name: v.optional(v.string()),
      email: v.optional(v.string()),
    }),
  ),
  /** An address the customer typed into the widget for replies (not verified). */
  contactEmail: v.optional(v.string()),
  rating: v.optional(ratingSchema),
  lastMessage: v.optional(wireMessageSchema),
  /** Sequence number of the newest message, internal notes included. */
  lastSeq: v.number(),
  /** Messages from the customer in this conversation: the basis of unread counts. */
  customerMessages: v.number(),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type ConversationSummary = v.InferOutput<typeof conversationSummarySchema>;

/** A queued conversation's place in its skill group's line and the expected wait. */
const placeSchema = v.object({
  position: v.pipe(v.number(), v.integer(), v.minValue(1)),
  /** Rounded up; 0 is under a minute; absent when too few recent pickups to tell. */
  waitMinutes: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
});
export type Place = v.InferOutput<typeof placeSchema>;

/** Whether a person can answer now: within business hours, and someone is online. */
const availabilitySchema = v.object({
  open: v.boolean(),
  agentsOnline: v.boolean(),
  /** Outside business hours: when they begin again. */
  opensAt: v.optional(timestamp),
});
export type Availability = v.InferOutput<typeof availabilitySchema>;

const ackSchema = v.object({
  type: v.literal("ack"),
  clientId: v.string(),
  seq: v.number(),
  /** To a customer: the offered language the message is clearly written in. */
  language: v.optional(v.string()),
});
const errorSchema = v.object({
  type: v.literal("error"),
  code: v.picklist(ERROR_CODES),
  message: v.string(),
  clientId: v.optional(v.string()),
  /** With rate_limited: when the same frame will be accepted again. */
  retryAfterMs: v.optional(v.number()),
});
export type ErrorFrame = v.InferOutput<typeof errorSchema>;

const seq = seqSchema();
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
        /** Shown to agents; trusted only together with a valid hash. */
        name: v.optional(v.pipe(v.string(), v.maxLength(200))),
        email: v.optional(v.pipe(v.string(), v.maxLength(254))),
      }),
    ),
    page: v.optional(pageSchema),
  }),
  v.pipe(
    v.object({
      type: v.literal("send"),
      clientId,
      text: optionalText,
      attachments: v.optional(fileIds),
      /** Where the customer is now, for pages that change without reloading. */
      page: v.optional(pageSchema),
    }),
    v.forward(v.check(withContent, "A message cannot be empty."), ["text"]),
  ),
  v.object({ type: v.literal("talk_to_person") }),
  /** Where the team may answer when the customer has left (outside hours, nobody online). */
  v.object({ type: v.literal("email"), email: emailAddress }),
  /** After a resolved conversation: 1 to 5 and an optional comment. */
  v.object({ type: v.literal("rate"), conversationId: id, ...ratingSchema.entries }),
  /** Sent every few seconds while the customer types: the bot does not interrupt. */
  v.object({ type: v.literal("typing") }),
  /** "Email me this conversation", in the widget's language. */
  v.object({
    type: v.literal("transcript"),
    conversationId: id,
    email: emailAddress,
    lang: v.optional(v.pipe(v.string(), v.maxLength(8))),
  }),
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
    availability: availabilitySchema,
    /** While the conversation waits for a person. */
    place: v.optional(placeSchema),
    /** The address the customer left for replies. */
    email: v.optional(v.string()),
  }),
  ackSchema,
  v.object({ type: v.literal("place"), conversationId: id, place: placeSchema }),
  v.object({ type: v.literal("availability"), availability: availabilitySchema }),
  v.object({ type: v.literal("email_saved"), email: v.string() }),
  v.object({ type: v.literal("transcript_sent"), conversationId: id, email: v.string() }),
  v.object({ type: v.literal("message"), conversationId: id, message: wireMessageSchema }),
  v.object({ type: v.literal("conversation"), conversation: visitorConversationSchema }),
  /** The agent is writing a reply. */
  v.object({ type: v.literal("typing") }),
  /** A person read the customer's messages up to `seq`. */
  v.object({ type: v.literal("read"), conversationId: id, seq }),
  errorSchema,
  pong,
]);
export type VisitorServerFrame = v.InferOutput<typeof visitorServerFrame>;

export const agentClientFrame = v.variant("type", [
  /** Opens a transcript; with afterSeq (after a reconnect) only the messages it missed. */
  v.object({ type: v.literal("open"), conversationId: id, afterSeq: v.optional(seq) }),
  v.object({ type: v.literal("claim"), conversationId: id }),
  v.pipe(
    v.object({
      type: v.literal("reply"),
      conversationId: id,
      clientId,
      text: optionalText,
      attachments: v.optional(fileIds),
    }),
    v.forward(v.check(withContent, "A message cannot be empty."), ["text"]),
  ),
  v.object({ type: v.literal("resolve"), conversationId: id }),
  /** A note for colleagues; any agent may add one, the customer never sees it. */
  v.pipe(
    v.object({
      type: v.literal("note"),
      conversationId: id,
      clientId,
      text: optionalText,
      attachments: v.optional(fileIds),
    }),
    v.forward(v.check(withContent, "A message cannot be empty."), ["text"]),
  ),
  /** To one agent, or back to the queue for a skill group, with a note for whoever takes it. */
  v.object({
    type: v.literal("transfer"),
    conversationId: id,
    to: v.union([
      v.object({ agentId: id }),
      v.object({ skill: v.pipe(v.string(), v.maxLength(32)) }),
    ]),
    note: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(MAX_TEXT_LENGTH))),
  }),
  v.object({ type: v.literal("typing"), conversationId: id }),
  /** The agent has seen the conversation up to `seq`. */
  v.object({ type: v.literal("read"), conversationId: id, seq }),
  v.object({ type: v.literal("presence"), status: v.picklist(["online", "away"]) }),
  ping,
]);
export type AgentClientFrame = v.InferOutput<typeof agentClientFrame>;

export const PRESENCES = ["online", "away", "offline"] as const;
export type Presence = (typeof PRESENCES)[number];

const teamMemberSchema = v.object({
  id,
  name: v.string(),
  email: v.string(),
  role: v.picklist(["agent", "admin"]),
  /** Offline when no inbox of theirs is connected; away when they said so. */
  presence: v.picklist(PRESENCES),
  skills: v.array(v.string()),
  languages: v.array(v.string()),
  capacity: v.number(),
  /** Conversations assigned to them now. */
  assigned: v.number(),
});
export type TeamMember = v.InferOutput<typeof teamMemberSchema>;

export const agentServerFrame = v.variant("type", [
  v.object({
    type: v.literal("inbox"),
    agent: v.object({ id, name: v.string(), role: v.picklist(["agent", "admin"]) }),
    conversations: v.array(conversationSummarySchema),
    team: v.array(teamMemberSchema),
    /** Per conversation id: the customer messages this agent has read. */
    read: v.record(v.string(), v.number()),
    /** A handoff waiting longer than this is highlighted. */
    waitAlertSeconds: v.number(),
    /** SMTP is configured: replies to a customer who left reach their email. */
    emailEnabled: v.boolean(),
    /** What may be attached, as the admin set it. */
    files: v.object({
      types: v.array(v.string()),
      maxBytes: v.number(),
      perMessage: v.number(),
    }),
  }),
  /** Whenever someone comes, goes, changes presence or takes on a conversation. */
  v.object({ type: v.literal("team"), team: v.array(teamMemberSchema) }),
  /** An admin changed the canned responses: the inbox fetches them again. */
  v.object({ type: v.literal("canned_changed") }),
  /** The customer is writing in this conversation. */
  v.object({ type: v.literal("typing"), conversationId: id }),
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
