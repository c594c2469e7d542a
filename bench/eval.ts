import { parseArgs } from "node:util";
import { HANDOFF_REASONS } from "../protocol/index.ts";
import type { CalibrationTargets } from "../server/triage/index.ts";
import { assess, type Engine, engineFor } from "./eval/assess.ts";
import {
  buildFaq,
  demoFaqRows,
  demoFaqWording,
  LABELS,
  readRows,
  splitRows,
} from "./eval/dataset.ts";
import { applyMarks, learningPoints, marksFrom } from "./eval/learn.ts";
import {
  type Column,
  confusion,
  figuresAt,
  type Outcome,
  perLanguage,
  perReason,
} from "./eval/metrics.ts";
import { tuneOn } from "./eval/tune.ts";
import { spread } from "./stats.ts";

const USAGE = `npm run eval -- --train PATH|demo [--test PATH] [--examples K|all] [--seed S]
                    [--learn N] [--tune PATH] [--json]
PATH is a .jsonl file or a folder of them; "demo" is the demo shop's own FAQ. Without --test,
the train file's own test split (or a stable 30% of it) is the test set. --tune chooses the
calibration targets on another set's development rows (never its test rows) first.`;
const WARM_UP_ROWS = 200;
const CURVE = [0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6];

const { values } = parseArgs({
  options: {
    train: { type: "string" },
    test: { type: "string" },
    examples: { type: "string", default: "10" },
    seed: { type: "string", default: "1" },
    learn: { type: "string" },
    tune: { type: "string" },
    json: { type: "boolean", default: false },
  },
});
const k = values.examples === "all" ? undefined : Number(values.examples);
const seed = Number(values.seed);
const learn = values.learn === undefined ? undefined : Number(values.learn);
if (k !== undefined && !(Number.isInteger(k) && k > 0)) fail("bad --examples");
if (!Number.isInteger(seed)) fail("bad --seed");
if (learn !== undefined && !(Number.isInteger(learn) && learn >= 0)) fail("bad --learn");
if (!values.train) fail("--train is required");

const trainRows = values.train === "demo" ? demoFaqRows() : readRows(values.train);
const testRows = values.test && values.test !== values.train ? readRows(values.test) : undefined;
const { train, test } = splitRows(trainRows, testRows);
const tuned = values.tune ? tuneOn(readRows(values.tune), k, seed) : undefined;
const targets = tuned?.targets;
const faq = buildFaq(train, k, seed, values.train === "demo" ? demoFaqWording() : undefined);
const engine = engineFor(faq, targets);

// A server triages warm: let the JIT settle before the timed pass.
for (const row of test.slice(0, WARM_UP_ROWS)) assess(engine, row);
const assessed = test.map((row) => assess(engine, row));
const outcomes = assessed.map(({ outcome }) => outcome);
const timings = spread(assessed.map(({ micros }) => micros));
const result = {
  ...figuresAt(outcomes),
  us_per_message_p50: round(timings.p50),
  us_per_message_p99: round(timings.p99),
  n_test: test.length,
  per_language: perLanguage(outcomes),
  per_reason: perReason(outcomes),
  ...(tuned ? { tuned: { ...tuned.targets, dev_rows: tuned.devRows, tried: tuned.tried } } : {}),
  ...(learn === undefined ? {} : { learning: learningCurve(learn, targets) }),
};

if (values.json) {
  console.log(JSON.stringify(result));
} else {
  report(engine);
}

/** Automation, wrong and unsafe answers after 0, 100, 500, … of the agents' marks. */
function learningCurve(total: number, chosen: CalibrationTargets | undefined) {
  const marks = marksFrom(train, faq, seed);
  return learningPoints(Math.min(total, marks.length)).map((count) => {
    const learned = applyMarks(faq, marks.slice(0, count));
    const after = engineFor(learned.faq, chosen, learned.negatives);
    const figures = figuresAt(test.map((row) => assess(after, row).outcome));
    return {
      marks: count,
      automation_rate: figures.automation_rate,
      wrong_answer_rate: figures.wrong_answer_rate,
      unsafe_answer_rate: figures.unsafe_answer_rate,
    };
  });
}

function report({ kb }: Engine): void {
  console.log(`FAQ: ${faq.entries.length} entries, ${k ?? "all"} examples each (seed ${seed})`);
  if (tuned) {
    console.log(
      `Calibration targets tuned on ${values.tune} (${tuned.devRows} development rows): wrong ${tuned.targets.wrong}, unsafe ${tuned.targets.unsafe}`,
    );
  }
  console.log(`Test rows: ${test.length}\n\nCalibration per language:`);
  for (const c of kb.calibration()) {
    console.log(
      `  ${c.language}: threshold ${c.threshold}, own examples answered ${pct(c.answered)} of ${c.examples}, wrongly ${c.wrong.length}, negatives answered ${c.negativesAnswered} of ${c.negatives}`,
    );
  }
  console.log();
  printConfusion(outcomes);
  console.log("\nPer language:");
  for (const [language, f] of Object.entries(result.per_language)) {
    console.log(
      `  ${language}  automation ${pct(f.automation_rate)}  wrong ${pct(f.wrong_answer_rate)}  unsafe ${pct(f.unsafe_answer_rate)}  (${f.n_test} rows)`,
    );
  }
  console.log("\nPer reason (handed to a person / with this reason):");
  for (const [label, f] of Object.entries(result.per_reason)) {
    console.log(
      `  ${label.padEnd(16)} ${pct(f.handed_off).padStart(6)} / ${pct(f.recall).padStart(6)}  (${f.n_test} rows)`,
    );
  }
  printReasonsByLanguage(outcomes);
  console.log("\nIf one threshold served every language instead:");
  printCurve(outcomes);
  if (result.learning) {
    console.log("\nLearning from agents' marks:\n  marks  automation  wrong   unsafe");
    for (const point of result.learning) {
      console.log(
        `  ${String(point.marks).padStart(5)}  ${pct(point.automation_rate).padStart(10)}  ${pct(point.wrong_answer_rate).padStart(5)}  ${pct(point.unsafe_answer_rate).padStart(6)}`,
      );
    }
  }
  console.log();
  for (const [key, value] of Object.entries(result)) {
    if (typeof value === "number") console.log(`${key.padEnd(22)} ${value}`);
  }
}

function printConfusion(all: Outcome[]): void {
  const columns: Column[] = ["answer_right", "answer_wrong", ...HANDOFF_REASONS];
  const table = confusion(all);
  const width = 16;
  console.log(["true \\ decided".padEnd(16), ...columns.map((c) => c.padStart(width))].join(""));
  for (const label of LABELS) {
    const row = table.get(label);
    if (!row) continue;
    const cells = columns.map((column) => String(row.get(column) ?? 0).padStart(width));
    console.log([label.padEnd(16), ...cells].join(""));
  }
}

/** Recall of each reason in each language: do the reasons hold across languages? */
function printReasonsByLanguage(all: Outcome[]): void {
  const languages = [...new Set(all.map((outcome) => outcome.language))].sort();
  if (languages.length < 2) return;
  console.log("\nRecall of each reason per language (rows sent with exactly that reason):");
  console.log(["".padEnd(18), ...languages.map((l) => l.padStart(7))].join(""));
  for (const label of LABELS.filter((l) => l !== "faq" && l !== "out_of_scope")) {
    const cells = languages.map((language) => {
      const recall = perReason(all.filter((o) => o.language === language))[label];
      return (recall ? pct(recall.recall) : "–").padStart(7);
    });
    console.log([label.padEnd(18), ...cells].join(""));
  }
}

function printCurve(all: Outcome[]): void {
  console.log("  threshold  automation  wrong   unsafe");
  for (const threshold of CURVE) {
    const f = figuresAt(all, threshold);
    console.log(
      `  ${threshold.toFixed(2).padStart(9)}  ${pct(f.automation_rate).padStart(10)}  ${pct(f.wrong_answer_rate).padStart(5)}  ${pct(f.unsafe_answer_rate).padStart(6)}`,
    );
  }
}

function pct(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

function fail(message: string): never {
  console.error(`${message}\nUsage:\n${USAGE}`);
  process.exit(2);
}
