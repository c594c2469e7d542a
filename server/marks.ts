import {
  createMark,
  type Db,
  type ErasedVisitor,
  getConversation,
  type NewMark,
  readTranscript,
  reviewMark,
  type TriageMark,
} from "../db/index.ts";
import type { HandoffReason, WireMessage } from "../protocol/index.ts";
import { pendingTurn } from "./chat.ts";
import type { Knowledge } from "./knowledge.ts";
import type { Settings } from "./settings-store.ts";
import { detectLanguage } from "./triage/index.ts";

/** Why a mark could not be made, for a 4xx the inbox shows. */
export type MarkRefusal = "not_found" | "no_words" | "not_a_bot_answer" | "no_entry";

export type MarkRequest =
  | { kind: "answerable"; faqId: number }
  | { kind: "needs_person"; reason: HandoffReason; seq: number };

/**
 * The agents teach the bot: "the FAQ answers this" on a handed-off conversation, "this should
 * have gone to a person" on a bot answer. A mark is pending until an admin accepts it (or at
 * once, when the admin set that); accepted marks change the next answer without a restart.
 */
export function createMarks(deps: {
  db: Db;
  knowledge: Knowledge;
  settings: Settings;
  now: () => number;
}) {
  const { db, knowledge, settings, now } = deps;

  async function review(id: number, accept: boolean, agentId: number) {
    const reviewed = await reviewMark(db, { id, accept, agentId }, now());
    if (!reviewed) return undefined;
    if (reviewed.entry) knowledge.saved(reviewed.entry);
    if (accept && reviewed.mark.kind === "needs_person") await knowledge.negativesChanged();
    return reviewed.mark;
  }

  return {
    review,

    /** A visitor was erased: the engine forgets the examples and negatives in their words. */
    async forget(erased: ErasedVisitor): Promise<void> {
      for (const entry of erased.entries) knowledge.saved(entry);
      if (erased.negatives) await knowledge.negativesChanged();
    },

    async mark(
      conversationId: number,
      request: MarkRequest,
      agentId: number,
    ): Promise<TriageMark | MarkRefusal> {
      const conversation = await getConversation(db, conversationId);
      if (!conversation) return "not_found";
      const transcript = await readTranscript(db, conversationId);
      const text =
        request.kind === "answerable"
          ? handedOffWords(transcript)
          : answeredWords(transcript, request.seq);
      if (text === undefined)
        return request.kind === "answerable" ? "no_words" : "not_a_bot_answer";
      const language = detectLanguage(text, conversation.language, knowledge.base.languages());
      const base = { conversationId, text, language, markedBy: agentId };
      const input: NewMark =
        request.kind === "answerable"
          ? { ...base, kind: "answerable", faqId: request.faqId }
          : { ...base, kind: "needs_person", reason: request.reason };
      const created = await createMark(db, input, now());
      if (!created) return "no_entry";
      if (created.status !== "pending" || !settings.learning().acceptMarks) return created;
      return (await review(created.id, true, agentId)) ?? created;
    },
  };
}

export type Marks = ReturnType<typeof createMarks>;

/** What the customer said before the conversation was first handed to a person. */
export function handedOffWords(transcript: readonly WireMessage[]): string | undefined {
  const handoff = transcript.findIndex((message) => message.event === "handoff");
  return customerTurnBefore(transcript, handoff === -1 ? transcript.length : handoff);
}

/** What the customer said that the bot's answer at `seq` answered. */
export function answeredWords(transcript: readonly WireMessage[], seq: number): string | undefined {
  const index = transcript.findIndex((message) => message.seq === seq);
  const answer = transcript[index];
  if (answer?.author !== "bot" || !answer.faq) return undefined;
  return customerTurnBefore(transcript, index);
}

/** The customer's messages right before `end`, back to whoever spoke before them, joined. */
function customerTurnBefore(transcript: readonly WireMessage[], end: number): string | undefined {
  const words = pendingTurn(transcript.slice(0, end))
    .pending.map((message) => message.text)
    .join("\n")
    .trim();
  return words || undefined;
}
