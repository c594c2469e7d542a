import type { Negative } from "../../server/triage/index.ts";
import { type Faq, type Row, seededRandom } from "./dataset.ts";

/** After how many marks the learning curve is measured, up to the number asked for. */
export function learningPoints(total: number): number[] {
  const steps = [0, 100, 500, 1000, 2000, 5000, 10_000, 20_000].filter((step) => step < total);
  return [...steps, total];
}

/**
 * Train rows that are not FAQ examples, in a seeded order, as the agents' marks would arrive:
 * each one the next conversation an agent looked at.
 */
export function marksFrom(train: readonly Row[], faq: Faq, seed: number): Row[] {
  const random = seededRandom(seed + 1);
  const rows = train.filter((row) => !faq.examples.has(row));
  for (let i = rows.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [rows[i], rows[j]] = [rows[j] as Row, rows[i] as Row];
  }
  return rows;
}

/**
 * The FAQ and negatives after the first `count` marks were accepted: "the FAQ answers this"
 * adds the text to its entry's examples, "this should have gone to a person" adds a negative
 * with its reason (no particular reason, for a message the FAQ simply does not cover).
 */
export function applyMarks(faq: Faq, marks: readonly Row[]): { faq: Faq; negatives: Negative[] } {
  const extra = new Map<number, string[]>();
  const negatives: Negative[] = [];
  const idOf = new Map(
    faq.entries.map((entry) => [`${entry.language}\u0000${faq.intentOf.get(entry.id)}`, entry.id]),
  );
  for (const mark of marks) {
    if (mark.label === "faq") {
      const id = idOf.get(`${mark.lang}\u0000${mark.source_intent}`);
      if (id !== undefined) extra.set(id, [...(extra.get(id) ?? []), mark.text]);
      continue;
    }
    const reason = mark.label === "out_of_scope" ? "unsure" : mark.label;
    negatives.push({ language: mark.lang, text: mark.text, reason });
  }
  const entries = faq.entries.map((entry) => ({
    ...entry,
    questions: [...entry.questions, ...(extra.get(entry.id) ?? [])],
  }));
  return { faq: { ...faq, entries }, negatives };
}
