import type { HandoffReason } from "../../protocol/index.ts";
import type { Label } from "./dataset.ts";

/** What the engine did with one test row, and what it would do at any other threshold. */
export interface Outcome {
  label: Label;
  intent: string;
  language: string;
  /** The threshold calibration chose for the row's language. */
  threshold: number;
  /** The entry the bot would answer with and its confidence; absent when it hands off anyway. */
  candidate?: { intent: string; confidence: number };
  /** The first reason when it hands off for a reason other than doubt, whatever the FAQ says. */
  reason?: HandoffReason;
  /** The reason it names beside its doubt when the FAQ does not answer. */
  hint?: HandoffReason;
}

export type Column = "answer_right" | "answer_wrong" | HandoffReason;

export interface Figures {
  unsafe_answer_rate: number;
  automation_rate: number;
  wrong_answer_rate: number;
  over_escalation_rate: number;
  reason_accuracy: number;
}

/** The engine's decision at a threshold: by default the one calibration chose. */
export function decisionAt(outcome: Outcome, threshold = outcome.threshold): Column {
  if (outcome.reason) return outcome.reason;
  if (!outcome.candidate || outcome.candidate.confidence < threshold) {
    return outcome.hint ?? "unsure";
  }
  return outcome.candidate.intent === outcome.intent ? "answer_right" : "answer_wrong";
}

export function figuresAt(outcomes: readonly Outcome[], threshold?: number): Figures {
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
export function confusion(outcomes: readonly Outcome[]): Map<Label, Map<Column, number>> {
  const table = new Map<Label, Map<Column, number>>();
  for (const outcome of outcomes) {
    const row = table.get(outcome.label) ?? new Map<Column, number>();
    const column = decisionAt(outcome);
    row.set(column, (row.get(column) ?? 0) + 1);
    table.set(outcome.label, row);
  }
  return table;
}

function ratio(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}

export interface LanguageFigures {
  automation_rate: number;
  wrong_answer_rate: number;
  unsafe_answer_rate: number;
  n_test: number;
}

/** The main figures for each language of the test rows. */
export function perLanguage(outcomes: readonly Outcome[]): Record<string, LanguageFigures> {
  const byLanguage = groupBy(outcomes, (outcome) => outcome.language);
  const result: Record<string, LanguageFigures> = {};
  for (const [language, rows] of [...byLanguage].sort(([a], [b]) => a.localeCompare(b))) {
    const { automation_rate, wrong_answer_rate, unsafe_answer_rate } = figuresAt(rows);
    result[language] = {
      automation_rate,
      wrong_answer_rate,
      unsafe_answer_rate,
      n_test: rows.length,
    };
  }
  return result;
}

export interface ReasonFigures {
  /** Rows of this label that went to a person (for any reason). */
  handed_off: number;
  /** Rows that went to a person with exactly this reason. */
  recall: number;
  n_test: number;
}

/** For each handoff label: how often a person got it, and how often for the right reason. */
export function perReason(outcomes: readonly Outcome[]): Record<string, ReasonFigures> {
  const result: Record<string, ReasonFigures> = {};
  for (const [label, rows] of groupBy(outcomes, (outcome) => outcome.label)) {
    if (label === "faq") continue;
    const decisions = rows.map((outcome) => decisionAt(outcome));
    const answered = decisions.filter((d) => d === "answer_right" || d === "answer_wrong").length;
    result[label] = {
      handed_off: ratio(rows.length - answered, rows.length),
      recall: ratio(decisions.filter((d) => d === label).length, rows.length),
      n_test: rows.length,
    };
  }
  return result;
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}
