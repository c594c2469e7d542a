import type { Span } from "./types.ts";

export interface Token extends Span {
  /** Lower-cased, with a light English suffix stripping so "hours" meets "hour". */
  term: string;
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

const STOPWORDS = new Set(
  (
    "a an the and or but if of to in on at for from by with about as into is are was were be been " +
    "am do does did i me my we our you your it its this that these those there here what which who " +
    "whom how can could would should will shall may might must please hi hello hey thanks thank " +
    "so just also any some get have has had"
  ).split(" "),
);

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    const start = match.index;
    tokens.push({ term: stem(match[0].toLowerCase()), start, end: start + match[0].length });
  }
  return tokens;
}

/** The tokens that carry meaning for matching a question to an FAQ entry. */
export function contentTerms(text: string): string[] {
  return tokenize(text)
    .map((token) => token.term)
    .filter((term) => !STOPWORDS.has(term));
}

function stem(word: string): string {
  const bare = word.replace(/['’]s$/, "");
  if (bare.length > 5 && bare.endsWith("ing")) return bare.slice(0, -3);
  if (bare.length > 4 && bare.endsWith("ies")) return `${bare.slice(0, -3)}y`;
  if (bare.length > 4 && bare.endsWith("es") && /(ch|sh|x|ss)es$/.test(bare))
    return bare.slice(0, -2);
  if (bare.length > 3 && bare.endsWith("s") && !bare.endsWith("ss")) return bare.slice(0, -1);
  return bare;
}
