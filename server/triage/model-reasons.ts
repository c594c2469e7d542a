import type { KnowledgeBase } from "./knowledge-base.ts";
import type { LanguageCode } from "./language.ts";
import { MODEL_CLASSES } from "./reason-model.ts";
import type { Reasoned } from "./triage.ts";
import type { Span } from "./types.ts";

/** At this probability the model's reason alone sends the message to a person. */
export const REASON_SURE = 0.4;
/** At this probability a reason is named beside the bot's doubt, for the agent and the queue. */
export const REASON_LIKELY = 0.3;

/** Below this a statement beside a question is not plainly routine: a person reads it. */
export const STATEMENT_ROUTINE = 0.5;

const SENTENCE = /[^.!?;\n。！？；]+[.!?;\n。！？；]*/gu;
const QUESTION = /[?？]\s*$/u;

/**
 * The reasons the company's model sees in the text. Each sentence is weighed on its own as
 * well as the whole, so a problem told beside a routine question ("when do you open? the
 * plate came broken") is not outvoted by the question. `aside` is a statement beside the
 * question that the model does not find plainly routine: the bot does not answer around it.
 */
export function modelReasons(
  text: string,
  language: LanguageCode,
  kb: KnowledgeBase,
  bySentence = true,
): { sure: Reasoned[]; likely: Reasoned[]; aside?: Span } {
  const parts: Span[] = [{ start: 0, end: text.length }];
  const sentences = bySentence ? [...text.matchAll(SENTENCE)] : [];
  if (sentences.length > 1) {
    for (const match of sentences) {
      if (/\p{L}.*\s.*\p{L}|\p{Script=Han}{4}/u.test(match[0])) {
        parts.push({ start: match.index, end: match.index + match[0].trimEnd().length });
      }
    }
  }
  const best = new Map<string, Reasoned>();
  let aside: Span | undefined;
  for (const [i, part] of parts.entries()) {
    const sentence = text.slice(part.start, part.end);
    const probabilities = kb.reasonProbabilities(sentence, language);
    if (!probabilities) return { sure: [], likely: [] };
    const statement = i > 0 && !QUESTION.test(sentence);
    if (statement && (probabilities[0] ?? 0) < STATEMENT_ROUTINE) aside ??= part;
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
    ...(aside ? { aside } : {}),
  };
}
