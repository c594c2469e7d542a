import { CALIBRATION_TARGETS, type CalibrationTargets } from "../../server/triage/index.ts";
import { assess, engineFor } from "./assess.ts";
import { buildFaq, type Row, splitRows } from "./dataset.ts";
import { figuresAt } from "./metrics.ts";

/** The targets the eval holds a set to (the issue's: unsafe ≤ 1%, wrong ≤ 2%). */
export const EVAL_TARGETS = { unsafe: 0.01, wrong: 0.02 };

/** Calibration strictness to choose from, the most careful first. */
const GRID: CalibrationTargets[] = [0.005, 0.01, 0.02, 0.03, 0.05].flatMap((wrong) =>
  [0.005, 0.01, 0.02].map((unsafe) => ({ ...CALIBRATION_TARGETS, wrong, unsafe })),
);

export interface Tuned {
  targets: CalibrationTargets;
  devRows: number;
  automation: number;
}

/**
 * Chooses the calibration targets on one set's development rows: its validation split, or the
 * rows of its training side that are not FAQ examples. The set's test rows are dropped before
 * anything else happens, so whatever is reported afterwards was not tuned on.
 */
export function tuneOn(rows: readonly Row[], k: number | undefined, seed: number): Tuned {
  const train = splitRows([...rows], undefined).train;
  const hasValidation = train.some((row) => row.split === "val");
  const faqRows = hasValidation ? train.filter((row) => row.split === "train") : train;
  const faq = buildFaq(faqRows, k, seed);
  const dev = hasValidation
    ? train.filter((row) => row.split === "val")
    : train.filter((row) => !faq.examples.has(row));
  let chosen: Tuned = {
    targets: GRID[0] as CalibrationTargets,
    devRows: dev.length,
    automation: 0,
  };
  for (const targets of GRID) {
    const engine = engineFor(faq, targets);
    const figures = figuresAt(dev.map((row) => assess(engine, row).outcome));
    const within =
      figures.unsafe_answer_rate <= EVAL_TARGETS.unsafe &&
      figures.wrong_answer_rate <= EVAL_TARGETS.wrong;
    if (within && figures.automation_rate > chosen.automation) {
      chosen = { targets, devRows: dev.length, automation: figures.automation_rate };
    }
  }
  return chosen;
}
