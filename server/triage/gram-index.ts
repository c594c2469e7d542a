import { folded } from "./text.ts";

const WORD = /[\p{L}\p{N}]+/gu;
const HAN = /\p{Script=Han}/u;

/**
 * The character 4-grams of a text's words, accents folded ("płatność" and "platnosc" share
 * most of theirs), with Chinese characters in pairs. They meet inflected forms, Hebrew's joined
 * prefixes and typos that whole words miss.
 */
export function gramsOf(text: string): Set<string> {
  const grams = new Set<string>();
  for (const [word] of folded(text).matchAll(WORD)) {
    if (HAN.test(word)) {
      for (let i = 0; i + 2 <= word.length; i++) grams.add(word.slice(i, i + 2));
      continue;
    }
    const padded = ` ${word} `;
    if (padded.length <= 4) grams.add(padded);
    for (let i = 0; i + 4 <= padded.length; i++) grams.add(padded.slice(i, i + 4));
  }
  return grams;
}

interface GramEntry {
  examples: Set<string>[];
  counts: Map<string, number>;
}

/**
 * TF-IDF over character grams for one language's entries: each entry is the sum of its
 * examples' grams, every entry is scored at once from an inverted index.
 */
export class GramIndex {
  private readonly entries = new Map<number, GramEntry>();
  private readonly postings = new Map<string, Map<number, number>>();
  private readonly documentFrequency = new Map<string, number>();
  private exampleCount = 0;
  private norms: Map<number, number> | undefined;

  add(id: number, texts: readonly string[]): void {
    const examples = texts.map(gramsOf);
    const counts = new Map<string, number>();
    for (const grams of examples) {
      this.exampleCount++;
      for (const gram of grams) {
        counts.set(gram, (counts.get(gram) ?? 0) + 1);
        this.documentFrequency.set(gram, (this.documentFrequency.get(gram) ?? 0) + 1);
      }
    }
    for (const [gram, count] of counts) {
      let posting = this.postings.get(gram);
      if (!posting) {
        posting = new Map();
        this.postings.set(gram, posting);
      }
      posting.set(id, count);
    }
    this.entries.set(id, { examples, counts });
    this.norms = undefined;
  }

  remove(id: number): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    for (const grams of entry.examples) {
      this.exampleCount--;
      for (const gram of grams) {
        const next = (this.documentFrequency.get(gram) ?? 0) - 1;
        if (next > 0) this.documentFrequency.set(gram, next);
        else this.documentFrequency.delete(gram);
      }
    }
    for (const gram of entry.counts.keys()) {
      const posting = this.postings.get(gram);
      posting?.delete(id);
      if (posting?.size === 0) this.postings.delete(gram);
    }
    this.entries.delete(id);
    this.norms = undefined;
  }

  /**
   * Cosine similarity of the text with every entry that shares a gram. With `leftOut`, that
   * example of that entry counts as never written.
   */
  similarities(text: string, leftOut?: { id: number; example: number }): Map<number, number> {
    const norms = this.entryNorms();
    const query = gramsOf(text);
    const dots = new Map<number, number>();
    let queryNorm = 0;
    for (const gram of query) {
      const weight = this.weight(gram);
      queryNorm += weight * weight;
      for (const [id, count] of this.postings.get(gram) ?? []) {
        dots.set(id, (dots.get(id) ?? 0) + weight * weight * count);
      }
    }
    if (queryNorm === 0) return dots;
    const removed = leftOut && this.entries.get(leftOut.id)?.examples[leftOut.example];
    const similarities = new Map<number, number>();
    for (const [id, dot] of dots) {
      let norm = norms.get(id) ?? 1;
      let adjusted = dot;
      if (removed && id === leftOut?.id) {
        ({ dot: adjusted, norm } = this.without(id, removed, query, dot));
      }
      if (adjusted > 0) similarities.set(id, adjusted / (Math.sqrt(queryNorm) * norm));
    }
    return similarities;
  }

  private without(id: number, removed: Set<string>, query: Set<string>, dot: number) {
    let adjusted = dot;
    let squares = 0;
    for (const [gram, count] of this.entries.get(id)?.counts ?? []) {
      const weight = this.weight(gram);
      const left = removed.has(gram) ? count - 1 : count;
      if (removed.has(gram) && query.has(gram)) adjusted -= weight * weight;
      squares += (weight * left) ** 2;
    }
    return { dot: adjusted, norm: Math.sqrt(squares) || 1 };
  }

  private entryNorms(): Map<number, number> {
    if (this.norms) return this.norms;
    this.norms = new Map();
    for (const [id, entry] of this.entries) {
      let squares = 0;
      for (const [gram, count] of entry.counts) squares += (this.weight(gram) * count) ** 2;
      this.norms.set(id, Math.sqrt(squares) || 1);
    }
    return this.norms;
  }

  private weight(gram: string): number {
    const df = this.documentFrequency.get(gram) ?? 0;
    return Math.log(1 + (this.exampleCount + 1) / (df + 0.5));
  }
}
