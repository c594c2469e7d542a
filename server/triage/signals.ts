import { unaccented } from "../../protocol/index.ts";
import { type Cue, LEXICONS, type Lexicon, type SignalReason } from "./lexicon/index.ts";
import type { Span } from "./types.ts";

export interface Signal {
  reason: SignalReason;
  score: number;
  evidence: Span[];
}

const CLAUSE_END = /[,.;:!?،，。！？；\n]/gu;
const NEGATION_REACH_WORDS = 3;
const NEGATION_REACH_CHARS = 4;
/** Three capitalised words in a row, or a long message in capitals: shouting. */
const SHOUTED_WORDS = /(?<![\p{L}\p{N}])\p{Lu}{3,}(?:\s+\p{Lu}{2,}){2,}(?![\p{L}\p{N}])/gu;

/**
 * Every cue of a lexicon in one pattern, per set of flags: most messages match none, and one
 * scan says so several times faster than a scan per cue.
 */
const ANY_CUE = new Map(
  (Object.values(LEXICONS) as Lexicon[]).map((lexicon) => {
    const byFlags = new Map<string, string[]>();
    for (const { pattern } of lexicon.cues) {
      const flags = pattern.flags.replace("g", "");
      byFlags.set(flags, [...(byFlags.get(flags) ?? []), `(?:${pattern.source})`]);
    }
    return [lexicon, [...byFlags].map(([flags, sources]) => new RegExp(sources.join("|"), flags))];
  }),
);

/**
 * Every handoff reason the text gives, with the spans that show it. Cues of all six
 * languages are tried, so a misdetected language or a mixed message never hides a signal;
 * accents are not needed (the spans are the same positions in the text as typed).
 */
export function detectSignals(said: string): Signal[] {
  const text = unaccented(said);
  const found = new Map<SignalReason, Signal>();
  for (const lexicon of Object.values(LEXICONS) as Lexicon[]) {
    if (!lexicon.script.test(text)) continue;
    if (!ANY_CUE.get(lexicon)?.some((any) => any.test(text))) continue;
    const policyQuestion = text.search(lexicon.policy) >= 0;
    for (const cue of lexicon.cues) {
      if (cue.topic && policyQuestion) continue;
      for (const span of cueSpans(text, cue, lexicon)) add(found, cue.reason, cue.weight, span);
    }
  }
  for (const span of shouting(text)) add(found, "emotional", 0.7, span);
  return [...found.values()];
}

/** Whether the text matches one of a lexicon's whole-message patterns, in any language. */
export function saysAny(said: string, pick: (lexicon: Lexicon) => RegExp): Span | undefined {
  const text = unaccented(said);
  for (const lexicon of Object.values(LEXICONS) as Lexicon[]) {
    const [match] = text.matchAll(pick(lexicon));
    if (match) return { start: match.index, end: match.index + match[0].length };
  }
  return undefined;
}

function add(found: Map<SignalReason, Signal>, reason: SignalReason, weight: number, span: Span) {
  const signal = found.get(reason);
  if (!signal) {
    found.set(reason, { reason, score: weight, evidence: [span] });
    return;
  }
  if (signal.evidence.some((seen) => seen.start < span.end && span.start < seen.end)) return;
  signal.evidence.push(span);
  // Each further piece of evidence makes the reason surer.
  signal.score = Math.min(1, Math.max(signal.score, weight) + 0.1);
}

function cueSpans(text: string, cue: Cue, lexicon: Lexicon): Span[] {
  const spans: Span[] = [];
  for (const match of text.matchAll(cue.pattern)) {
    const span = { start: match.index, end: match.index + match[0].length };
    if (span.end === span.start) continue;
    if (cue.negatable && negated(text, span, lexicon)) continue;
    spans.push(span);
  }
  return spans;
}

/**
 * A negation governs a cue when it stands in the same clause, a few words before it ("I don't
 * want a refund") or inside it (Swedish "koppla mig inte till en människa").
 */
function negated(text: string, span: Span, lexicon: Lexicon): boolean {
  const before = clauseBefore(text, span.start);
  if (!lexicon.spaced) {
    return lexicon.negation.test(before.slice(-NEGATION_REACH_CHARS));
  }
  const words = before.split(/\s+/u).filter(Boolean).slice(-NEGATION_REACH_WORDS);
  const inside = lexicon.negationInside
    ? text.slice(span.start, span.end).split(/\s+/u).slice(1)
    : [];
  return [...words, ...inside].some((word) => lexicon.negation.test(word));
}

function clauseBefore(text: string, index: number): string {
  const window = text.slice(Math.max(0, index - 60), index);
  let cut = 0;
  for (const match of window.matchAll(CLAUSE_END)) cut = match.index + 1;
  return window.slice(cut);
}

function shouting(text: string): Span[] {
  const spans = [...text.matchAll(SHOUTED_WORDS)].map((match) => ({
    start: match.index,
    end: match.index + match[0].length,
  }));
  if (spans.length > 0) return spans;
  const letters = text.match(/\p{L}/gu) ?? [];
  const upper = text.match(/\p{Lu}/gu) ?? [];
  const cased = letters.filter((letter) => letter.toLowerCase() !== letter.toUpperCase()).length;
  if (cased >= 12 && upper.length / cased > 0.7) return [{ start: 0, end: text.length }];
  return [];
}
