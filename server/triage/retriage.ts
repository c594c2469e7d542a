import type { KnowledgeBase } from "./knowledge-base.ts";
import { detectLanguage, UNDETERMINED } from "./language.ts";
import { modelReasons } from "./model-reasons.ts";
import { detectSignals } from "./signals.ts";
import { handoff, type Reasoned } from "./triage.ts";
import type { Handoff } from "./types.ts";

/**
 * The customer wrote again after the handoff: the reasons, their evidence and the priority
 * follow what they said ("someone used my card" after an unsure question makes it sensitive).
 * Undefined when the new message adds no reason the handoff did not already have (nor, for a
 * handoff by button, the customer's language).
 */
export function retriage(
  previous: Handoff,
  text: string,
  kb: KnowledgeBase,
  now: number,
): Handoff | undefined {
  // The conversation's language is known by now; only a first message by button needs it told.
  const language =
    previous.language === UNDETERMINED
      ? detectLanguage(text, undefined, kb.languages())
      : previous.language;
  // A person is reading already: the whole message is weighed once, not sentence by sentence.
  const found: Reasoned[] = [
    ...detectSignals(text),
    ...modelReasons(text, language, kb, false).sure,
  ];
  const known = new Set(previous.reasons.map((reason) => reason.reason));
  if (found.every((reason) => known.has(reason.reason))) {
    // Nothing new, but a handoff by button learns the customer's language from their words.
    const told = previous.language === UNDETERMINED && language !== UNDETERMINED;
    return told ? { ...previous, language } : undefined;
  }
  // The new message joins the text the evidence points into, after a line break.
  const offset = previous.text ? previous.text.length + 1 : 0;
  const merged = new Map<string, Reasoned>(
    previous.reasons.map((reason) => [
      reason.reason,
      { ...reason, evidence: [...reason.evidence] },
    ]),
  );
  for (const reason of found) {
    const shifted = reason.evidence.map((span) => ({
      start: span.start + offset,
      end: span.end + offset,
    }));
    const seen = merged.get(reason.reason);
    if (seen) {
      seen.score = Math.max(seen.score, reason.score);
      seen.evidence.push(...shifted);
    } else {
      merged.set(reason.reason, { ...reason, evidence: shifted });
    }
  }
  const joined = previous.text ? `${previous.text}\n${text}` : text;
  const { kind: _, ...next } = handoff(joined, language, [...merged.values()]);
  const before = {
    reasons: previous.reasons.map((reason) => reason.reason),
    priority: previous.priority,
    at: now,
  };
  return { ...next, history: [...(previous.history ?? []), before] };
}
