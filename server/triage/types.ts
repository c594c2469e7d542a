import type { Handoff, HandoffReason } from "../../protocol/index.ts";
import type { LanguageCode } from "./language.ts";

export type { Handoff, HandoffReason, LanguageCode };

export interface Span {
  start: number;
  end: number;
}

/** A customer message the bot has not reacted to yet. */
export interface PendingMessage {
  text: string;
  /** When the server stored it, ms since the epoch. */
  at: number;
}

/** What the engine knows about the conversation beyond the pending messages. */
export interface ConversationSoFar {
  /** A person was involved at some point: the bot never answers again. */
  humanInvolved: boolean;
  /** The bot's answer, when it was the last thing said: the customer is replying to it. */
  lastAnswer?: { faqId: number; question: string };
  /** The language detected earlier in the conversation. */
  language?: LanguageCode;
}

export interface TriageInput {
  /** Oldest first; a burst of short messages is weighed as one. */
  pending: readonly PendingMessage[];
  conversation: ConversationSoFar;
  /** The decision time; the engine has no clock of its own. */
  now: number;
  /** The customer's latest typing signal, if any. */
  typingAt?: number | undefined;
}

export type Decision =
  /** The customer is still writing: decide again at `until` (or on their next message). */
  | { kind: "wait"; until: number }
  | { kind: "answer"; faqId: number; confidence: number; language: LanguageCode }
  | ({ kind: "handoff" } & Handoff)
  /** Thanks or goodbye after an answer: nothing to say, nobody to wake. */
  | { kind: "settled" };
