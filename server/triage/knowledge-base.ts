import MiniSearch from "minisearch";
import type { LanguageCode } from "./language.ts";
import { terms } from "./text.ts";

/** One FAQ entry as the company wrote it, in one language. */
export interface KnowledgeEntry {
  id: number;
  language: LanguageCode;
  title: string;
  questions: readonly string[];
}

export interface Match {
  faqId: number;
  /** Weighted term overlap with this entry's examples, 0..1. */
  similarity: number;
  /** The same for the best example of any other entry: a close runner-up means doubt. */
  runnerUp: number;
}

export interface Ranked {
  faqId: number;
  similarity: number;
}

interface EntryDoc {
  id: number;
  text: string;
}

interface IndexedEntry {
  doc: EntryDoc;
  /** Each example question (and the title) as a set of terms. */
  examples: string[][];
  /** How often each term occurs across the entry's examples. */
  profile: Map<string, number>;
}

/** Below this fuzzy distance ratio a misspelt word still counts ("pasword", "delivry"). */
const FUZZY = 0.2;
const FUZZY_CREDIT = 0.7;
const CANDIDATES = 8;
/** The entry's whole vocabulary says more than its closest example (measured by the eval). */
const EXAMPLE_WEIGHT = 0.3;

/**
 * One language's FAQ in a search index that takes edits one entry at a time. MiniSearch finds
 * the candidate entries (with typo tolerance); the similarity is then measured two ways, against
 * the closest example question and against the entry's whole vocabulary, and blended.
 */
class LanguageIndex {
  private readonly search: MiniSearch<EntryDoc>;
  private readonly entries = new Map<number, IndexedEntry>();
  private readonly documentFrequency = new Map<string, number>();
  private exampleCount = 0;

  constructor(readonly language: LanguageCode) {
    this.search = new MiniSearch<EntryDoc>({
      fields: ["text"],
      tokenize: (text) => terms(text, language),
      processTerm: (term) => term,
      autoVacuum: false,
    });
  }

  get size(): number {
    return this.entries.size;
  }

  add(entry: KnowledgeEntry): void {
    const examples = [entry.title, ...entry.questions]
      .map((text) => [...new Set(terms(text, this.language))])
      .filter((example) => example.length > 0);
    if (examples.length === 0) return;
    const profile = new Map<string, number>();
    for (const example of examples) {
      this.exampleCount++;
      for (const term of example) {
        profile.set(term, (profile.get(term) ?? 0) + 1);
        this.count(term, 1);
      }
    }
    const doc = { id: entry.id, text: [entry.title, ...entry.questions].join("\n") };
    this.entries.set(entry.id, { doc, examples, profile });
    this.search.add(doc);
  }

  remove(entryId: number): void {
    const indexed = this.entries.get(entryId);
    if (!indexed) return;
    this.search.remove(indexed.doc);
    for (const example of indexed.examples) {
      this.exampleCount--;
      for (const term of example) this.count(term, -1);
    }
    this.entries.delete(entryId);
  }

  match(text: string): Match | undefined {
    const [best, second] = this.rank(text);
    return best && { ...best, runnerUp: second?.similarity ?? 0 };
  }

  /** Candidate entries with their similarity to the text, the closest first. */
  rank(text: string): Ranked[] {
    const query = [...new Set(terms(text, this.language))];
    if (query.length === 0) return [];
    const queryNorm = Math.hypot(...query.map((term) => this.weight(term)));
    const results = this.search.search(text, {
      fuzzy: (term) => (term.length > 5 ? FUZZY : false),
      combineWith: "OR",
    });
    const ranked: Ranked[] = [];
    for (const result of results.slice(0, CANDIDATES)) {
      const indexed = this.entries.get(result.id as number);
      if (!indexed) continue;
      const credit = new Map(
        result.terms.map((term) => [term, query.includes(term) ? 1 : FUZZY_CREDIT]),
      );
      const similarity =
        EXAMPLE_WEIGHT * this.exampleSimilarity(indexed, credit, queryNorm) +
        // The entry's vocabulary, each term weighted by how many examples use it.
        (1 - EXAMPLE_WEIGHT) * this.cosine(indexed.profile, credit, queryNorm);
      ranked.push({ faqId: indexed.doc.id, similarity });
    }
    return ranked.sort((a, b) => b.similarity - a.similarity);
  }

  /** Cosine with the closest single example question. */
  private exampleSimilarity(
    indexed: IndexedEntry,
    credit: Map<string, number>,
    queryNorm: number,
  ): number {
    let best = 0;
    for (const example of indexed.examples) {
      const counts = example.map((term) => [term, 1] as const);
      best = Math.max(best, this.cosine(counts, credit, queryNorm));
    }
    return best;
  }

  /**
   * TF-IDF cosine between the query (each matched term credited 1, or less for a typo) and a
   * document given as term counts.
   */
  private cosine(
    counts: Iterable<readonly [string, number]>,
    credit: Map<string, number>,
    queryNorm: number,
  ): number {
    let dot = 0;
    let norm = 0;
    for (const [term, count] of counts) {
      const weight = this.weight(term);
      norm += (weight * count) ** 2;
      dot += weight * count * weight * (credit.get(term) ?? 0);
    }
    return dot === 0 ? 0 : Math.min(1, dot / (queryNorm * Math.sqrt(norm)));
  }

  /** Inverse document frequency: rare words decide a match, common ones barely count. */
  private weight(term: string): number {
    const df = this.documentFrequency.get(term) ?? 0;
    return Math.log(1 + (this.exampleCount + 1) / (df + 0.5));
  }

  private count(term: string, delta: number): void {
    const next = (this.documentFrequency.get(term) ?? 0) + delta;
    if (next > 0) this.documentFrequency.set(term, next);
    else this.documentFrequency.delete(term);
  }
}

/**
 * The company's FAQ, per language, ready to be compared with customer messages. Editing one
 * entry updates the index in place: no rebuild, no restart.
 */
export class KnowledgeBase {
  private readonly indexes = new Map<LanguageCode, LanguageIndex>();
  private readonly entryLanguage = new Map<number, LanguageCode>();

  constructor(entries: Iterable<KnowledgeEntry> = []) {
    for (const entry of entries) this.upsert(entry);
  }

  upsert(entry: KnowledgeEntry): void {
    this.remove(entry.id);
    let index = this.indexes.get(entry.language);
    if (!index) {
      index = new LanguageIndex(entry.language);
      this.indexes.set(entry.language, index);
    }
    index.add(entry);
    this.entryLanguage.set(entry.id, entry.language);
  }

  remove(entryId: number): void {
    const language = this.entryLanguage.get(entryId);
    if (language === undefined) return;
    this.indexes.get(language)?.remove(entryId);
    this.entryLanguage.delete(entryId);
  }

  covers(language: LanguageCode): boolean {
    return (this.indexes.get(language)?.size ?? 0) > 0;
  }

  /** The FAQ entry in this language whose example is closest to the text, if any shares a word. */
  match(text: string, language: LanguageCode): Match | undefined {
    return this.indexes.get(language)?.match(text);
  }

  /** The entries in this language closest to the text, for an agent to pick from. */
  rank(text: string, language: LanguageCode, limit: number): Ranked[] {
    return (this.indexes.get(language)?.rank(text) ?? []).slice(0, limit);
  }
}
