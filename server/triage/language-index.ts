import { GramIndex } from "./gram-index.ts";
import type { LanguageCode } from "./language.ts";
import { terms } from "./text.ts";

/** One FAQ entry as the company wrote it, in one language. */
export interface KnowledgeEntry {
  id: number;
  language: LanguageCode;
  title: string;
  questions: readonly string[];
  /** The answer says in its own words what the entry covers ("we take Visa, Mastercard…"). */
  answer?: string;
}

export interface Ranked {
  faqId: number;
  similarity: number;
}

/** One example question left out of its entry, to see how the rest of the FAQ meets it. */
export interface LeftOut {
  faqId: number;
  /** Index into the entry's examples (0 is the title). */
  example: number;
}

interface IndexedEntry {
  id: number;
  /** The title and example questions as written, for leave-one-out. */
  texts: string[];
  /** Each of them as a set of terms, and the answer's last (never left out: it is no question). */
  examples: string[][];
  /** How often each term occurs across the entry's examples and answer. */
  profile: Map<string, number>;
  answer?: string;
}

const CANDIDATES = 8;
/** The entry's whole vocabulary says more than its closest example (measured by the eval). */
const EXAMPLE_WEIGHT = 0.3;
/** How much the character grams count beside the words. */
const GRAM_WEIGHT = 0.5;

/**
 * One language's FAQ in an index that takes edits one entry at a time. A message is compared
 * with each entry by its words (against the closest example question and against the entry's
 * whole vocabulary) and by character grams (inflections, joined prefixes, typos), blended.
 */
export class LanguageIndex {
  /** Which entries use each term: the candidates for a message are those sharing one. */
  private readonly postings = new Map<string, Set<number>>();
  private readonly entries = new Map<number, IndexedEntry>();
  private readonly grams = new GramIndex();
  private readonly documentFrequency = new Map<string, number>();
  /** The weights of terms seen since the last edit (any edit changes them all). */
  private readonly weights = new Map<string, number>();
  private norms = new WeakMap<IndexedEntry, { profile: number; examples: number[] }>();
  private exampleCount = 0;

  constructor(readonly language: LanguageCode) {}

  get size(): number {
    return this.entries.size;
  }

  add(entry: KnowledgeEntry): void {
    const texts = [entry.title, ...entry.questions].filter(
      (text) => terms(text, this.language).length > 0,
    );
    if (texts.length === 0) return;
    const answer = entry.answer && terms(entry.answer, this.language).length ? entry.answer : "";
    const known = answer ? [...texts, answer] : texts;
    const examples = known.map((text) => [...new Set(terms(text, this.language))]);
    const profile = new Map<string, number>();
    for (const example of examples) {
      this.exampleCount++;
      for (const term of example) {
        profile.set(term, (profile.get(term) ?? 0) + 1);
        this.count(term, 1);
      }
    }
    this.entries.set(entry.id, {
      id: entry.id,
      texts,
      examples,
      profile,
      ...(answer ? { answer } : {}),
    });
    for (const term of profile.keys()) {
      const posting = this.postings.get(term) ?? new Set();
      posting.add(entry.id);
      this.postings.set(term, posting);
    }
    this.grams.add(entry.id, known);
  }

  remove(entryId: number): void {
    const indexed = this.entries.get(entryId);
    if (!indexed) return;
    for (const term of indexed.profile.keys()) {
      const posting = this.postings.get(term);
      posting?.delete(entryId);
      if (posting?.size === 0) this.postings.delete(term);
    }
    this.grams.remove(entryId);
    for (const example of indexed.examples) {
      this.exampleCount--;
      for (const term of example) this.count(term, -1);
    }
    this.entries.delete(entryId);
  }

  /** Every example question as written, with where it sits, for leave-one-out. */
  *examples(): Generator<LeftOut & { text: string }> {
    for (const [faqId, indexed] of this.entries) {
      for (const [example, text] of indexed.texts.entries()) yield { faqId, example, text };
    }
  }

  /** Each entry's example questions and answer, for a model to learn the entries from. */
  *entryTexts(): Generator<{ faqId: number; texts: string[] }> {
    for (const [faqId, indexed] of this.entries) {
      yield { faqId, texts: indexed.answer ? [...indexed.texts, indexed.answer] : indexed.texts };
    }
  }

  /**
   * Candidate entries with their similarity to the text, the closest first. With `leftOut`,
   * that example counts as if the company had never written it.
   */
  rank(text: string, leftOut?: LeftOut): Ranked[] {
    const query = [...new Set(terms(text, this.language))];
    const gramSimilarity = this.grams.similarities(
      text,
      leftOut && { id: leftOut.faqId, example: leftOut.example },
    );
    const wordSimilarity = this.wordSimilarities(query, leftOut);
    const candidates = new Set([...wordSimilarity.keys(), ...top(gramSimilarity, CANDIDATES)]);
    const ranked: Ranked[] = [];
    for (const faqId of candidates) {
      const similarity =
        (1 - GRAM_WEIGHT) * (wordSimilarity.get(faqId) ?? 0) +
        GRAM_WEIGHT * (gramSimilarity.get(faqId) ?? 0);
      if (similarity > 0) ranked.push({ faqId, similarity });
    }
    return ranked.sort((a, b) => b.similarity - a.similarity || a.faqId - b.faqId);
  }

  /** TF-IDF word overlap with every entry that shares a term with the query. */
  private wordSimilarities(query: string[], leftOut?: LeftOut): Map<number, number> {
    const queryNorm = Math.hypot(...query.map((term) => this.weight(term)));
    const candidates = new Set(query.flatMap((term) => [...(this.postings.get(term) ?? [])]));
    const similarities = new Map<number, number>();
    for (const id of candidates) {
      const found = this.entries.get(id);
      const indexed = found && leftOut?.faqId === id ? without(found, leftOut.example) : found;
      if (!indexed) continue;
      const norms = this.normsOf(indexed);
      // The entry's vocabulary, each term weighted by how many examples use it.
      let profileDot = 0;
      const exampleDots = new Array<number>(indexed.examples.length).fill(0);
      for (const term of query) {
        const count = indexed.profile.get(term);
        if (count === undefined) continue;
        const squared = this.weight(term) ** 2;
        profileDot += squared * count;
        indexed.examples.forEach((example, e) => {
          if (example.includes(term)) exampleDots[e] = (exampleDots[e] ?? 0) + squared;
        });
      }
      // And the closest single example question.
      let closest = 0;
      exampleDots.forEach((dot, e) => {
        closest = Math.max(closest, dot / (norms.examples[e] ?? 1));
      });
      const similarity =
        EXAMPLE_WEIGHT * Math.min(1, closest / queryNorm) +
        (1 - EXAMPLE_WEIGHT) * Math.min(1, profileDot / (queryNorm * norms.profile));
      similarities.set(id, similarity);
    }
    return similarities;
  }

  /** The lengths of an entry's vectors, kept until the next edit changes the weights. */
  private normsOf(indexed: IndexedEntry): { profile: number; examples: number[] } {
    const cached = this.norms.get(indexed);
    if (cached) return cached;
    let squares = 0;
    for (const [term, count] of indexed.profile) squares += (this.weight(term) * count) ** 2;
    const norms = {
      profile: Math.sqrt(squares) || 1,
      examples: indexed.examples.map(
        (example) => Math.sqrt(example.reduce((sum, term) => sum + this.weight(term) ** 2, 0)) || 1,
      ),
    };
    this.norms.set(indexed, norms);
    return norms;
  }

  /** Inverse document frequency: rare words decide a match, common ones barely count. */
  private weight(term: string): number {
    let weight = this.weights.get(term);
    if (weight === undefined) {
      const df = this.documentFrequency.get(term) ?? 0;
      weight = Math.log(1 + (this.exampleCount + 1) / (df + 0.5));
      this.weights.set(term, weight);
    }
    return weight;
  }

  private count(term: string, delta: number): void {
    this.weights.clear();
    this.norms = new WeakMap();
    const next = (this.documentFrequency.get(term) ?? 0) + delta;
    if (next > 0) this.documentFrequency.set(term, next);
    else this.documentFrequency.delete(term);
  }
}

/** The entry as it would be without one of its examples; undefined when none would be left. */
function without(indexed: IndexedEntry, example: number): IndexedEntry | undefined {
  const left = indexed.examples[example];
  if (!left || indexed.examples.length < 2) return undefined;
  const profile = new Map(indexed.profile);
  for (const term of left) {
    const next = (profile.get(term) ?? 0) - 1;
    if (next > 0) profile.set(term, next);
    else profile.delete(term);
  }
  const keep = (_: unknown, i: number) => i !== example;
  const examples = indexed.examples.filter(keep);
  return { ...indexed, texts: indexed.texts.filter(keep), examples, profile };
}

function top(similarities: Map<number, number>, count: number): number[] {
  return [...similarities]
    .sort(([, a], [, b]) => b - a)
    .slice(0, count)
    .map(([id]) => id);
}
