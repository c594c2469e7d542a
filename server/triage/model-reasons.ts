import type { KnowledgeBase } from "./knowledge-base.ts";
import type { LanguageCode } from "./language.ts";
import { MODEL_CLASSES } from "./reason-model.ts";
import type { Reasoned } from "./triage.ts";
import type { Span } from "./types.ts";

/** At this probability the model's reason alone sends the message to a person. */
export const REASON_SURE = 0.4;
/** At this probability a reason is named beside the bot's doubt, for the agent and the queue. */
export const REASON_LIKELY = 0.3;

const SENTENCE = /[^.!?;\n。！？；]+[.!?;\n。！？；]*/gu;

/**
 * The reasons the company's model sees in the text. Each sentence is weighed on its own as
 * well as the whole, so a problem told beside a routine question ("when do you open? the
 * plate came broken") is not outvoted by the question.
 */
export function modelReasons(
  text: string,
  language: LanguageCode,
  kb: KnowledgeBase,
): { sure: Reasoned[]; likely: Reasoned[] } {
  const parts: Span[] = [{ start: 0, end: text.length }];
  const sentences = [...text.matchAll(SENTENCE)];
  if (sentences.length > 1) {
    for (const match of sentences) {
      if (/\p{L}.*\s.*\p{L}|\p{Script=Han}{4}/u.test(match[0])) {
        parts.push({ start: match.index, end: match.index + match[0].trimEnd().length });
      }
    }
  }
  const best = new Map<string, Reasoned>();
  for (const part of parts) {
    const probabilities = kb.reasonProbabilities(text.slice(part.start, part.end), language);
    if (!probabilities) return { sure: [], likely: [] };
    MODEL_CLASSES.forEach((label, i) => {
      const score = probabilities[i] ?? 0;
      if (label === "none" || score < REASON_LIKELY) return;
      if ((best.get(label)?.score ?? 0) >= score) return;
      best.set(label, { reason: label, score, evidence: [part] });
    });
  }
  const found = [...best.values()];
  return {
    sure: found.filter((reason) => reason.score >= REASON_SURE),
    likely: found,
  };
}
