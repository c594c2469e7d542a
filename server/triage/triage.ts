import { bestMatch, type KnowledgeBase } from "./knowledge-base.ts";
import { detectSignals, type Signal } from "./signals.ts";
import type { Decision, HandoffReason, TriageContext } from "./types.ts";

/** Below this similarity to an FAQ example the bot is not sure, and a person answers. */
export const ANSWER_THRESHOLD = 0.6;

const PRIORITY: Record<HandoffReason, number> = {
  sensitive: 3,
  emotional: 2,
  financial: 2,
  human_request: 1,
  complex: 1,
  special_request: 1,
  unsure: 0,
};

const LABELS: Record<HandoffReason, string> = {
  emotional: "Upset customer",
  financial: "Money at stake",
  complex: "Needs expertise",
  special_request: "Special request",
  sensitive: "Security or privacy",
  human_request: "Asked for a person",
  unsure: "Not covered by the FAQ",
};

/** Decides whether the bot may answer from the FAQ or a person must take over, and why. */
export function triage(text: string, context: TriageContext, kb: KnowledgeBase): Decision {
  const signals = detectSignals(text);
  if (signals.length > 0) return handoff(text, signals);
  if (context.humanInvolved) return handoff(text, [{ reason: "unsure", score: 1, evidence: [] }]);
  const match = bestMatch(kb, text);
  if (match && match.score >= ANSWER_THRESHOLD) {
    return { kind: "answer", faqId: match.faqId, confidence: match.score };
  }
  return handoff(text, [{ reason: "unsure", score: 1 - (match?.score ?? 0), evidence: [] }]);
}

/** The bot cannot answer after all (its FAQ entry is gone): a person takes over. */
export function unsure(): Decision {
  return handoff("", [{ reason: "unsure", score: 1, evidence: [] }]);
}

/** The customer pressed "Talk to a person": no text to weigh, the request is the reason. */
export function personRequested(): Decision {
  return handoff("", [{ reason: "human_request", score: 1, evidence: [] }]);
}

function handoff(text: string, signals: Signal[]): Decision {
  const reasons = [...signals].sort((a, b) => PRIORITY[b.reason] - PRIORITY[a.reason]);
  const priority = Math.max(...reasons.map((signal) => PRIORITY[signal.reason]));
  const labels = reasons.map((signal) => LABELS[signal.reason]).join(", ");
  const quote = text.length > 80 ? `${text.slice(0, 77)}...` : text;
  const summary = quote ? `${labels}: "${quote}"` : labels;
  return { kind: "handoff", reasons, priority, summary, text };
}
