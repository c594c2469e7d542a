import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { HANDOFF_REASONS, type HandoffReason } from "../../protocol/index.ts";
import { DEMO_FAQ } from "../../server/demo/faq.ts";
import type { KnowledgeEntry } from "../../server/triage/index.ts";

/** The data's labels: the six handoff reasons, plus `faq` and `out_of_scope` (see its README). */
export type Label = "faq" | Exclude<HandoffReason, "unsure"> | "out_of_scope";
export const LABELS: readonly Label[] = [
  "faq",
  ...HANDOFF_REASONS.filter((reason) => reason !== "unsure"),
  "out_of_scope",
];

/** One line of a file in the format of ../shared/data (see its README). */
export interface Row {
  text: string;
  label: Label;
  source_intent: string;
  lang: string;
  split: string;
}

/** The rows of a file, or of every `.jsonl` file in a folder (one per language, say). */
export function readRows(path: string): Row[] {
  if (!statSync(path).isDirectory()) return readFile(path);
  return readdirSync(path)
    .filter((name) => name.endsWith(".jsonl"))
    .sort()
    .flatMap((name) => readFile(join(path, name)));
}

function readFile(file: string): Row[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim())
    .map((line, i) => {
      const row = JSON.parse(line) as Partial<Row>;
      if (typeof row.text !== "string" || !LABELS.includes(row.label as Label)) {
        throw new Error(`${file}:${i + 1}: needs "text" and a known "label"`);
      }
      return {
        text: row.text,
        label: row.label as Label,
        source_intent: row.source_intent ?? row.label ?? "",
        lang: row.lang ?? "en",
        split: row.split ?? "train",
      };
    });
}

/**
 * The demo shop's FAQ as train rows: every example question of every entry, its intent the
 * entry's English title (the same entry in every language), so test rows can name it.
 */
export function demoFaqRows(): Row[] {
  return Object.entries(DEMO_FAQ).flatMap(([lang, entries]) =>
    entries.flatMap((entry, i) =>
      entry.questions.map((text) => ({
        text,
        label: "faq" as const,
        source_intent: demoIntent(entry, i),
        lang,
        split: "train",
      })),
    ),
  );
}

/** A demo entry's intent: its English title (the same entry in every language). */
function demoIntent(entry: { title: string }, i: number): string {
  return DEMO_FAQ.en[i]?.title ?? entry.title;
}

/** What the demo FAQ's rows leave out: each entry's own title and answer, by `faqKey`. */
export function demoFaqWording(): Map<string, { title: string; answer: string }> {
  return new Map(
    Object.entries(DEMO_FAQ).flatMap(([lang, entries]) =>
      entries.map((entry, i): [string, { title: string; answer: string }] => [
        faqKey(lang, demoIntent(entry, i)),
        { title: entry.title, answer: entry.answer },
      ]),
    ),
  );
}

/** FNV-1a: the same text always lands on the same side of a split, on every machine. */
export function stableHash(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** The 30% of a file without its own test split that is held out for testing. */
function isHeldOut(row: Row): boolean {
  return stableHash(row.text) % 10 < 3;
}

/**
 * Which rows train (only their faq rows become the FAQ) and which test. The same file for
 * both: its `test` rows, or a 70/30 split by hash when it has none.
 */
export function splitRows(train: Row[], test: Row[] | undefined): { train: Row[]; test: Row[] } {
  if (test) return { train, test };
  if (train.some((row) => row.split === "test")) {
    return {
      train: train.filter((row) => row.split !== "test"),
      test: train.filter((row) => row.split === "test"),
    };
  }
  return {
    train: train.filter((row) => !isHeldOut(row)),
    test: train.filter((row) => isHeldOut(row)),
  };
}

/** A small seeded generator (mulberry32), so `--seed` reproduces the same FAQ. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Faq {
  entries: KnowledgeEntry[];
  intentOf: Map<number, string>;
  /** The faq rows picked as example questions (a calibration run must not test on them). */
  examples: Set<Row>;
}

/** One FAQ entry's key: its language and intent. */
function faqKey(lang: string, intent: string): string {
  return `${lang}\u0000${intent}`;
}

/**
 * One FAQ entry per `source_intent` of the faq rows, with `k` example questions picked by a
 * seeded shuffle (all of them when `k` is undefined), as a company would write its FAQ. An
 * entry's title is its intent unless `wording` (by `faqKey`) gives the title and answer.
 */
export function buildFaq(
  rows: Row[],
  k: number | undefined,
  seed: number,
  wording: ReadonlyMap<string, { title: string; answer: string }> = new Map(),
): Faq {
  const random = seededRandom(seed);
  const byIntent = new Map<string, Row[]>();
  for (const row of rows) {
    if (row.label !== "faq") continue;
    const key = faqKey(row.lang, row.source_intent);
    byIntent.set(key, [...(byIntent.get(key) ?? []), row]);
  }
  const entries: KnowledgeEntry[] = [];
  const intentOf = new Map<number, string>();
  const examples = new Set<Row>();
  for (const [key, intentRows] of [...byIntent].sort(([a], [b]) => a.localeCompare(b))) {
    const shuffled = [...intentRows];
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [shuffled[i], shuffled[j]] = [shuffled[j] as Row, shuffled[i] as Row];
    }
    const picked = shuffled.slice(0, k ?? shuffled.length);
    for (const row of picked) examples.add(row);
    const [language, intent] = key.split("\u0000") as [string, string];
    const id = entries.length + 1;
    entries.push({
      id,
      language,
      title: intent.replaceAll("_", " "),
      ...wording.get(key),
      questions: picked.map((row) => row.text),
    });
    intentOf.set(id, intent);
  }
  return { entries, intentOf, examples };
}
