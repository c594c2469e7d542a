import type { KnowledgeBase } from "./knowledge-base.ts";
import { detectLanguage, type LanguageCode } from "./language.ts";
import { modelReasons } from "./model-reasons.ts";
import { detectSignals, saysAny } from "./signals.ts";
import type { Decision, HandoffReason, Span, TriageInput } from "./types.ts";

/** How long the customer has to be quiet before the bot answers. */
export const DEFAULT_PAUSE_MS = 1_500;
/** A typing signal this old means the customer stopped typing (the widget repeats it). */
export const TYPING_FRESH_MS = 4_000;

export interface TriageOptions {
  /** Quiet time after the customer's last message before the bot answers. */
  pauseMs?: number;
  /** The confidence an answer needs; by default the one calibration chose for the language. */
  threshold?: number;
}

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

/**
 * Decides whether the bot may answer from the FAQ, must wait for the customer to finish, or
 * a person must take over, and why. Pure: the same input always gives the same decision.
 */
export function triage(
  input: TriageInput,
  kb: KnowledgeBase,
  { pauseMs = DEFAULT_PAUSE_MS, threshold }: TriageOptions = {},
): Decision {
  const text = input.pending.map((message) => message.text).join("\n");
  const { conversation } = input;
  const language = detectLanguage(text, conversation.language, kb.languages());

  // A reason to hand off is acted on at once, even while the customer is still typing.
  const signals = detectSignals(text);
  if (signals.length > 0) return handoff(text, language, signals);
  if (conversation.humanInvolved) return handoff(text, language, [doubt(1)]);
  if (conversation.lastAnswer) {
    const notHelped = saysAny(text, (lexicon) => lexicon.notHelped);
    if (notHelped) return handoff(text, language, [doubt(1, [notHelped])]);
    if (saysAny(text, (lexicon) => lexicon.closing)) return { kind: "settled" };
  }

  const until = quietFrom(input, pauseMs);
  if (until > input.now) return { kind: "wait", until };

  // The company's own reason model: problems phrased without the lexicon's cue words.
  const { sure, likely, aside } = modelReasons(text, language, kb);
  if (sure.length > 0) return handoff(text, language, sure);
  // A question with something more beside it: the FAQ answers the question, not the rest.
  if (aside) return handoff(text, language, [doubt(1, [aside]), ...likely]);
  if (!kb.covers(language)) return handoff(text, language, [doubt(1), ...likely]);
  const match = kb.match(text, language);
  // An agent marked something this close as a person's job: the bot stays out of it.
  const near = kb.markedNear(text, language, match);
  if (near) {
    const whole = [{ start: 0, end: text.length }];
    return handoff(text, language, [
      { reason: near.reason, score: near.similarity, evidence: whole },
    ]);
  }
  const confidence = match?.confidence ?? 0;
  if (!match || confidence < (threshold ?? kb.threshold(language))) {
    return handoff(text, language, [doubt(1 - confidence), ...likely]);
  }
  // Asking the same thing again means the answer did not help: never a second failed turn.
  if (match.faqId === conversation.lastAnswer?.faqId) {
    return handoff(text, language, [doubt(1, [{ start: 0, end: text.length }])]);
  }
  return { kind: "answer", faqId: match.faqId, confidence, language };
}

/** The customer pressed "Talk to a person": no text to weigh, the request is the reason. */
export function personRequested(language: LanguageCode): Decision {
  return handoff("", language, [{ reason: "human_request", score: 1, evidence: [] }]);
}

/** The bot cannot answer after all (its FAQ entry is gone): a person takes over. */
export function unsure(language: LanguageCode): Decision {
  return handoff("", language, [doubt(1)]);
}

/** When the customer will have been quiet long enough: a pause after the last message and
 * no fresh typing signal. */
function quietFrom(input: TriageInput, pauseMs: number): number {
  const lastAt = Math.max(...input.pending.map((message) => message.at));
  const pauseEnds = lastAt + pauseMs;
  // Only typing after the last message counts: the keystrokes of a sent message are done.
  const { typingAt } = input;
  const typingEnds = typingAt !== undefined && typingAt > lastAt ? typingAt + TYPING_FRESH_MS : 0;
  return Math.max(pauseEnds, typingEnds);
}

export interface Reasoned {
  reason: HandoffReason;
  score: number;
  evidence: Span[];
}

function doubt(score: number, evidence: Span[] = []): Reasoned {
  return { reason: "unsure", score, evidence };
}

export function handoff(
  text: string,
  language: LanguageCode,
  signals: Reasoned[],
): Decision & { kind: "handoff" } {
  const reasons = [...signals]
    .sort((a, b) => PRIORITY[b.reason] - PRIORITY[a.reason] || b.score - a.score)
    .map((signal) => ({ ...signal, score: round(signal.score) }));
  const priority = Math.max(...reasons.map((signal) => PRIORITY[signal.reason]));
  const labels = reasons.map((signal) => LABELS[signal.reason]).join(", ");
  const oneLine = text.replace(/\s+/gu, " ").trim();
  const quote = oneLine.length > 80 ? `${oneLine.slice(0, 77)}...` : oneLine;
  const summary = quote ? `${labels} (${language}): "${quote}"` : labels;
  return { kind: "handoff", reasons, priority, summary, text, language };
}

function round(score: number): number {
  return Math.round(score * 100) / 100;
}
