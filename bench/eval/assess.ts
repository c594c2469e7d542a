import type { CalibrationTargets } from "../../server/triage/index.ts";
import {
  KnowledgeBase,
  type Negative,
  type TriageInput,
  triage,
} from "../../server/triage/index.ts";
import type { Faq, Row } from "./dataset.ts";
import type { Outcome } from "./metrics.ts";

export interface Engine {
  kb: KnowledgeBase;
  faq: Faq;
}

/** The engine as a company would run it: its FAQ, the agents' marks, calibrated and trained. */
export function engineFor(
  faq: Faq,
  targets?: CalibrationTargets,
  negatives: readonly Negative[] = [],
): Engine {
  const kb = new KnowledgeBase(faq.entries);
  kb.setNegatives(negatives);
  kb.train(targets ? { targets } : {});
  return { kb, faq };
}

/** Each test row is the first message of a conversation, after the customer stopped typing. */
function inputFor(row: Row): TriageInput {
  return { pending: [{ text: row.text, at: 0 }], conversation: { humanInvolved: false }, now: 1e9 };
}

/**
 * Triages the row as the engine would (timed), and once more with no threshold so the outcome
 * also holds the bot's best answer and its confidence for the trade-off curve.
 */
export function assess({ kb, faq }: Engine, row: Row): { outcome: Outcome; micros: number } {
  const input = inputFor(row);
  const start = process.hrtime.bigint();
  const decision = triage(input, kb);
  const micros = Number(process.hrtime.bigint() - start) / 1000;
  const outcome: Outcome = {
    label: row.label,
    intent: row.source_intent,
    language: row.lang,
    threshold: decision.kind === "handoff" ? kb.threshold(decision.language) : 0,
  };
  if (decision.kind === "handoff") {
    const first = decision.reasons[0];
    const doubted = decision.reasons.some((reason) => reason.reason === "unsure");
    if (first && first.reason !== "unsure") {
      if (doubted) outcome.hint = first.reason;
      else outcome.reason = first.reason;
    }
  }
  if (outcome.reason) return { outcome, micros };
  const best = triage(input, kb, { threshold: 0 });
  if (best.kind === "answer") {
    outcome.candidate = {
      intent: faq.intentOf.get(best.faqId) ?? "",
      confidence: best.confidence,
    };
    outcome.threshold = kb.threshold(best.language);
  }
  return { outcome, micros };
}
