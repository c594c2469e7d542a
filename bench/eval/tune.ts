import { CALIBRATION_TARGETS, type CalibrationTargets } from "../../server/triage/index.ts";
import { assess, engineFor } from "./assess.ts";
import { buildFaq, type Row, splitRows } from "./dataset.ts";
import { figuresAt } from "./metrics.ts";

/** The targets the eval holds a set to (the issue's: unsafe ≤ 1%, wrong ≤ 2%). */
export const EVAL_TARGETS = { unsafe: 0.01, wrong: 0.02 };

/** Calibration strictness to choose from, the most careful first. */
const GRID: CalibrationTargets[] = [0.01, 0.02, 0.03, 0.05, 0.08].flatMap((wrong) =>
  [0.01, 0.02, 0.03].map((unsafe) => ({ ...CALIBRATION_TARGETS, wrong, unsafe })),
);

export interface Tuned {
  targets: CalibrationTargets;
  devRows: number;
  automation: number;
  /** Every candidate with its figures on the development rows. */
  tried: { targets: CalibrationTargets; automation: number; wrong: number; unsafe: number }[];
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
  const tried = GRID.map((targets) => {
    const engine = engineFor(faq, targets);
    const figures = figuresAt(dev.map((row) => assess(engine, row).outcome));
    return {
      targets,
      automation: figures.automation_rate,
      wrong: figures.wrong_answer_rate,
      unsafe: figures.unsafe_answer_rate,
    };
  });
  // The most automation within the targets; with none within them, the most careful.
  let chosen = tried[0] as (typeof tried)[number];
  for (const candidate of tried) {
    const within = candidate.unsafe <= EVAL_TARGETS.unsafe && candidate.wrong <= EVAL_TARGETS.wrong;
    if (within && candidate.automation > chosen.automation) chosen = candidate;
  }
  return { targets: chosen.targets, devRows: dev.length, automation: chosen.automation, tried };
}
