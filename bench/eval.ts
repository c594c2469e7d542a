import { parseArgs } from "node:util";
import { HANDOFF_REASONS } from "../protocol/index.ts";
import {
  ANSWER_THRESHOLD,
  KnowledgeBase,
  type TriageInput,
  triage,
} from "../server/triage/index.ts";
import { buildFaq, LABELS, type Row, readRows, splitRows } from "./eval/dataset.ts";
import {
  type Column,
  chooseThreshold,
  confusion,
  figuresAt,
  type Outcome,
} from "./eval/metrics.ts";
import { spread } from "./stats.ts";

const USAGE = `npm run eval -- --train FILE --test FILE [--examples K|all] [--seed S] [--json]
npm run eval -- --calibrate FILE [FILE...] [--examples K] [--seed S]`;
const TARGETS = { unsafe: 0.02, wrong: 0.03 };
const WARM_UP_ROWS = 200;
/** Calibration keeps a margin below the targets: unseen data is rarely kinder. */
const CALIBRATION_MARGIN = 0.75;
const GRID = Array.from({ length: 71 }, (_, i) => Math.round((0.3 + i * 0.01) * 100) / 100);

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    train: { type: "string" },
    test: { type: "string" },
    examples: { type: "string", default: "10" },
    seed: { type: "string", default: "1" },
    json: { type: "boolean", default: false },
    calibrate: { type: "boolean", default: false },
  },
});
const k = values.examples === "all" ? undefined : Number(values.examples);
const seed = Number(values.seed);
if ((k !== undefined && !(k > 0)) || !Number.isInteger(seed)) fail("bad --examples or --seed");

if (values.calibrate) calibrate(values.train ? [values.train, ...positionals] : positionals);
else evaluate();

function evaluate(): void {
  if (!values.train) fail("--train is required");
  const trainRows = readRows(values.train);
  const testRows = values.test && values.test !== values.train ? readRows(values.test) : undefined;
  const { train, test } = splitRows(trainRows, testRows);
  const { kb, intentOf } = knowledge(train);
  // A server triages warm: let the JIT settle before the timed pass.
  for (const row of test.slice(0, WARM_UP_ROWS)) triage(inputFor(row), kb);
  const assessed = test.map((row) => assess(row, kb, intentOf));
  const outcomes = assessed.map(({ outcome }) => outcome);
  const timings = spread(assessed.map(({ micros }) => micros));
  const figures = figuresAt(outcomes, ANSWER_THRESHOLD);
  const result = {
    ...figures,
    us_per_message_p50: round(timings.p50),
    us_per_message_p99: round(timings.p99),
    n_test: test.length,
  };
  if (values.json) {
    console.log(JSON.stringify(result));
    return;
  }
  console.log(`FAQ: ${intentOf.size} entries, ${k ?? "all"} examples each (seed ${seed})`);
  console.log(`Test rows: ${test.length}; answer threshold ${ANSWER_THRESHOLD}\n`);
  printConfusion(outcomes);
  console.log("\nTrade-off over thresholds (the chosen one is marked):");
  printCurve(outcomes);
  console.log();
  for (const [key, value] of Object.entries(result)) console.log(`${key.padEnd(22)} ${value}`);
}

/**
 * Chooses the answer threshold on development rows only: each file's validation rows, or the
 * non-example rows of its 70% side when it has no split. Never a test row.
 */
function calibrate(files: string[]): void {
  if (files.length === 0) fail("--calibrate needs at least one file");
  const sets = files.map((file) => {
    const rows = splitRows(readRows(file), undefined).train;
    const hasValidation = rows.some((row) => row.split === "val");
    const train = hasValidation ? rows.filter((row) => row.split === "train") : rows;
    const { kb, intentOf, examples } = knowledge(train);
    const dev = hasValidation
      ? rows.filter((row) => row.split === "val")
      : rows.filter((row) => !examples.has(row));
    console.log(`${file}: ${dev.length} development rows`);
    return dev.map((row) => assess(row, kb, intentOf).outcome);
  });
  const margin = {
    unsafe: TARGETS.unsafe * CALIBRATION_MARGIN,
    wrong: TARGETS.wrong * CALIBRATION_MARGIN,
  };
  sets.forEach((outcomes, i) => {
    console.log(`\n${files[i]}:`);
    printCurve(outcomes);
  });
  const chosen = chooseThreshold(sets, margin, GRID);
  console.log(
    chosen === undefined
      ? "\nNo threshold meets the targets on every set."
      : `\nChosen threshold: ${chosen} (unsafe <= ${margin.unsafe}, wrong <= ${margin.wrong} on every set)`,
  );
}

function knowledge(train: Row[]) {
  const faq = buildFaq(train, k, seed);
  return { ...faq, kb: new KnowledgeBase(faq.entries) };
}

/** Each test row is the first message of a conversation, after the customer stopped typing. */
function inputFor(row: Row): TriageInput {
  return { pending: [{ text: row.text, at: 0 }], conversation: { humanInvolved: false }, now: 1e9 };
}

/**
 * Triages the row with no threshold, so the outcome holds the bot's best answer and its
 * confidence and any threshold can be applied afterwards; times that one call.
 */
function assess(
  row: Row,
  kb: KnowledgeBase,
  intentOf: Map<number, string>,
): { outcome: Outcome; micros: number } {
  const input = inputFor(row);
  const start = process.hrtime.bigint();
  const decision = triage(input, kb, { threshold: 0 });
  const micros = Number(process.hrtime.bigint() - start) / 1000;
  const outcome: Outcome = { label: row.label, intent: row.source_intent };
  if (decision.kind === "answer") {
    outcome.candidate = {
      intent: intentOf.get(decision.faqId) ?? "",
      confidence: decision.confidence,
    };
  } else if (decision.kind === "handoff") {
    const first = decision.reasons[0];
    if (first && first.reason !== "unsure") outcome.reason = first.reason;
  }
  return { outcome, micros };
}

function printConfusion(outcomes: Outcome[]): void {
  const columns: Column[] = ["answer_right", "answer_wrong", ...HANDOFF_REASONS];
  const table = confusion(outcomes, ANSWER_THRESHOLD);
  const width = 15;
  console.log(["true \\ decided".padEnd(16), ...columns.map((c) => c.padStart(width))].join(""));
  for (const label of LABELS) {
    const row = table.get(label);
    if (!row) continue;
    const cells = columns.map((column) => String(row.get(column) ?? 0).padStart(width));
    console.log([label.padEnd(16), ...cells].join(""));
  }
}

function printCurve(outcomes: Outcome[]): void {
  console.log("threshold  automation  wrong   unsafe  over_escalation");
  for (const threshold of GRID.filter((_, i) => i % 5 === 0)) {
    const f = figuresAt(outcomes, threshold);
    const mark = Math.abs(threshold - ANSWER_THRESHOLD) < 1e-9 ? " <" : "";
    console.log(
      `${threshold.toFixed(2).padStart(9)}  ${pct(f.automation_rate).padStart(10)}  ${pct(f.wrong_answer_rate).padStart(5)}  ${pct(f.unsafe_answer_rate).padStart(6)}  ${pct(f.over_escalation_rate).padStart(15)}${mark}`,
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
