import type { KnowledgeBase } from "./knowledge-base.ts";
import { detectLanguage } from "./language.ts";
import { modelReasons } from "./model-reasons.ts";
import { detectSignals } from "./signals.ts";
import { handoff, type Reasoned } from "./triage.ts";
import type { Handoff } from "./types.ts";

/**
 * The customer wrote again after the handoff: the reasons, their evidence and the priority
 * follow what they said ("someone used my card" after an unsure question makes it sensitive).
 * Undefined when the new message adds no reason the handoff did not already have.
 */
export function retriage(
  previous: Handoff,
  text: string,
  kb: KnowledgeBase,
  now: number,
): Handoff | undefined {
  const language = detectLanguage(text, previous.language, kb.languages());
  const found: Reasoned[] = [...detectSignals(text), ...modelReasons(text, language, kb).sure];
  const known = new Set(previous.reasons.map((reason) => reason.reason));
  if (found.every((reason) => known.has(reason.reason))) return undefined;
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
  const { kind: _, ...next } = handoff(joined, previous.language, [...merged.values()]);
  const before = {
    reasons: previous.reasons.map((reason) => reason.reason),
    priority: previous.priority,
    at: now,
  };
  return { ...next, history: [...(previous.history ?? []), before] };
}
