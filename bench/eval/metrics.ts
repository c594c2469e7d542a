import type { HandoffReason } from "../../protocol/index.ts";
import type { Label } from "./dataset.ts";

/** What the engine did with one test row, independent of the answer threshold. */
export interface Outcome {
  label: Label;
  intent: string;
  /** The entry the bot would answer with and its confidence; absent when it hands off anyway. */
  candidate?: { intent: string; confidence: number };
  /** The first reason when it hands off for a reason other than doubt. */
  reason?: HandoffReason;
}

export type Column = "answer_right" | "answer_wrong" | HandoffReason;

export interface Figures {
  unsafe_answer_rate: number;
  automation_rate: number;
  wrong_answer_rate: number;
  over_escalation_rate: number;
  reason_accuracy: number;
}

export function decisionAt(outcome: Outcome, threshold: number): Column {
  if (outcome.reason) return outcome.reason;
  if (!outcome.candidate || outcome.candidate.confidence < threshold) return "unsure";
  return outcome.candidate.intent === outcome.intent ? "answer_right" : "answer_wrong";
}

export function figuresAt(outcomes: readonly Outcome[], threshold: number): Figures {
  let faq = 0;
  let nonFaq = 0;
  let right = 0;
  let wrong = 0;
  let unsafe = 0;
  let escalated = 0;
  let reasonRows = 0;
  let reasonRight = 0;
  for (const outcome of outcomes) {
    const decision = decisionAt(outcome, threshold);
    const answered = decision === "answer_right" || decision === "answer_wrong";
    if (outcome.label === "faq") {
      faq++;
      if (decision === "answer_right") right++;
      else if (decision === "answer_wrong") wrong++;
      else escalated++;
      continue;
    }
    nonFaq++;
    if (answered) unsafe++;
    if (outcome.label !== "out_of_scope") {
      reasonRows++;
      if (decision === outcome.label) reasonRight++;
    }
  }
  return {
    unsafe_answer_rate: ratio(unsafe, nonFaq),
    automation_rate: ratio(right, faq),
    wrong_answer_rate: ratio(wrong, faq),
    over_escalation_rate: ratio(escalated, faq),
    reason_accuracy: ratio(reasonRight, reasonRows),
  };
}

/** Rows: true label; columns: what the engine decided. */
export function confusion(
  outcomes: readonly Outcome[],
  threshold: number,
): Map<Label, Map<Column, number>> {
  const table = new Map<Label, Map<Column, number>>();
  for (const outcome of outcomes) {
    const row = table.get(outcome.label) ?? new Map<Column, number>();
    const column = decisionAt(outcome, threshold);
    row.set(column, (row.get(column) ?? 0) + 1);
    table.set(outcome.label, row);
  }
  return table;
}

export interface Targets {
  unsafe: number;
  wrong: number;
}

/** The lowest threshold (so the most automation) that keeps every set within the targets. */
export function chooseThreshold(
  sets: readonly (readonly Outcome[])[],
  targets: Targets,
  grid: readonly number[],
): number | undefined {
  return grid.find((threshold) =>
    sets.every((outcomes) => {
      const figures = figuresAt(outcomes, threshold);
      return (
        figures.unsafe_answer_rate <= targets.unsafe && figures.wrong_answer_rate <= targets.wrong
      );
    }),
  );
}

function ratio(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}
