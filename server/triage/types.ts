import type { Handoff, HandoffReason } from "../../protocol/index.ts";

export type { Handoff, HandoffReason };

/** One FAQ entry as the company wrote it. */
export interface KnowledgeEntry {
  id: number;
  title: string;
  questions: readonly string[];
}

/** What the engine knows about the conversation beyond the message itself. */
export interface TriageContext {
  /** A person was involved at some point: the bot never answers again. */
  humanInvolved: boolean;
}

export type Decision =
  | { kind: "answer"; faqId: number; confidence: number }
  | ({ kind: "handoff" } & Handoff);

export interface Span {
  start: number;
  end: number;
}
