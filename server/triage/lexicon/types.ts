import type { HandoffReason } from "../../../protocol/index.ts";

export type SignalReason = Exclude<HandoffReason, "unsure">;

/** One way a customer shows a handoff reason, as a pattern over their text. */
export interface Cue {
  reason: SignalReason;
  pattern: RegExp;
  /** How strongly it shows the reason, 0..1 (becomes the reason's score). */
  weight: number;
  /** Ignored when a negation governs it ("I don't want a refund"). */
  negatable: boolean;
  /** A topic word rather than a personal problem: ignored inside a question about the rules. */
  topic: boolean;
}

/** What the engine knows about one language's way of saying things. */
export interface Lexicon {
  cues: Cue[];
  /** A single word (or, for Chinese, the characters right before a cue) that negates it. */
  negation: RegExp;
  /** Words are separated by spaces; Chinese is scoped by characters instead. */
  spaced: boolean;
  /** The letters the language is written in: a text without any cannot show its cues. */
  script: RegExp;
  /** The negation may follow the verb it negates (Swedish "koppla mig inte till ..."). */
  negationInside: boolean;
  /** A question about the company's rules ("what is your refund policy?"), not a problem. */
  policy: RegExp;
  /** After a bot answer: the customer says it did not help. */
  notHelped: RegExp;
  /** Only thanks, agreement or goodbye: nothing left to answer. */
  closing: RegExp;
}

const LETTER = "[\\p{L}\\p{N}]";

/** Alternatives that must stand as whole words (JavaScript's \b only knows ASCII). */
export function words(...alternatives: string[]): RegExp {
  return new RegExp(`(?<!${LETTER})(?:${alternatives.join("|")})(?!${LETTER})`, "giu");
}

/** Alternatives that may end a longer word: stems such as "frustrat" or Polish "zwrot". */
export function stems(...alternatives: string[]): RegExp {
  return new RegExp(`(?<!${LETTER})(?:${alternatives.join("|")})${LETTER}*`, "giu");
}

/** Hebrew joins the prefixes ו ה ב ל מ ש כ to the next word: allow up to two of them. */
export function hebrew(...alternatives: string[]): RegExp {
  return new RegExp(`(?<!${LETTER})[והבלמשכ]{0,2}(?:${alternatives.join("|")})${LETTER}*`, "gu");
}

/** Chinese has no spaces between words: plain substrings. */
export function chars(...alternatives: string[]): RegExp {
  return new RegExp(`(?:${alternatives.join("|")})`, "gu");
}

/** Up to `n` words between two parts of a phrase. */
export function gap(n: number): string {
  return `(?:\\s+${LETTER}+(?:['’]${LETTER}+)?){0,${n}}?\\s+`;
}

export function cue(
  reason: SignalReason,
  pattern: RegExp,
  options: { weight?: number; negatable?: boolean; topic?: boolean } = {},
): Cue {
  return {
    reason,
    pattern,
    weight: options.weight ?? 1,
    negatable: options.negatable ?? true,
    topic: options.topic ?? false,
  };
}
