import { contentTerms } from "./text.ts";
import type { KnowledgeEntry } from "./types.ts";

type Vector = Map<string, number>;

interface IndexedQuestion {
  entryId: number;
  vector: Vector;
}

/** FAQ example questions as TF-IDF vectors, ready to be compared with a customer message. */
export interface KnowledgeBase {
  readonly questions: readonly IndexedQuestion[];
  readonly idf: ReadonlyMap<string, number>;
  /** Weight of a word no example uses: as rare as the rarest, so unknown words dilute a match. */
  readonly unknownWeight: number;
}

export interface Match {
  faqId: number;
  /** Cosine similarity with the closest example question, 0..1. */
  score: number;
}

export function buildKnowledgeBase(entries: readonly KnowledgeEntry[]): KnowledgeBase {
  const documents = entries.flatMap((entry) =>
    [entry.title, ...entry.questions].map((text) => ({
      entryId: entry.id,
      terms: contentTerms(text),
    })),
  );
  const documentFrequency = new Map<string, number>();
  for (const { terms } of documents) {
    for (const term of new Set(terms)) {
      documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
    }
  }
  const idf = new Map<string, number>();
  let unknownWeight = 1;
  for (const [term, df] of documentFrequency) {
    const weight = Math.log(1 + documents.length / df);
    idf.set(term, weight);
    unknownWeight = Math.max(unknownWeight, weight);
  }
  const questions = documents.map(({ entryId, terms }) => ({ entryId, vector: weigh(terms, idf) }));
  return { questions, idf, unknownWeight };
}

/** The FAQ entry whose example question is closest to the text, if any shares a word. */
export function bestMatch(kb: KnowledgeBase, text: string): Match | undefined {
  const query = weigh(contentTerms(text), kb.idf, kb.unknownWeight);
  let best: Match | undefined;
  for (const question of kb.questions) {
    const score = cosine(query, question.vector);
    if (score > 0 && (!best || score > best.score)) best = { faqId: question.entryId, score };
  }
  return best;
}

function weigh(terms: string[], idf: ReadonlyMap<string, number>, unknownWeight = 0): Vector {
  const vector: Vector = new Map();
  for (const term of terms) {
    vector.set(term, (vector.get(term) ?? 0) + (idf.get(term) ?? unknownWeight));
  }
  return vector;
}

function cosine(a: Vector, b: Vector): number {
  let dot = 0;
  for (const [term, weight] of a) dot += weight * (b.get(term) ?? 0);
  if (dot === 0) return 0;
  return dot / (norm(a) * norm(b));
}

function norm(vector: Vector): number {
  let sum = 0;
  for (const weight of vector.values()) sum += weight * weight;
  return Math.sqrt(sum);
}
