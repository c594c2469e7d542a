import { unaccented } from "../../../protocol/index.ts";
import { en } from "./en.ts";
import { he } from "./he.ts";
import { lv } from "./lv.ts";
import { pl } from "./pl.ts";
import { sv } from "./sv.ts";
import type { Lexicon } from "./types.ts";
import { zh } from "./zh.ts";

export type { Cue, Lexicon, SignalReason } from "./types.ts";

/**
 * The languages whose handoff signals the engine knows, their patterns without accents: they
 * are matched against the customer's text without accents (`unaccented`), so "ktos sie
 * wlamal" is as sensitive as "ktoś się włamał".
 */
export const LEXICONS = {
  en: withoutAccents(en),
  pl: withoutAccents(pl),
  zh: withoutAccents(zh),
  sv: withoutAccents(sv),
  lv: withoutAccents(lv),
  he: withoutAccents(he),
} as const satisfies Record<string, Lexicon>;

export type SignalLanguage = keyof typeof LEXICONS;

function withoutAccents(lexicon: Lexicon): Lexicon {
  const plain = (pattern: RegExp) => new RegExp(unaccented(pattern.source), pattern.flags);
  return {
    ...lexicon,
    cues: lexicon.cues.map((cue) => ({ ...cue, pattern: plain(cue.pattern) })),
    negation: plain(lexicon.negation),
    policy: plain(lexicon.policy),
    notHelped: plain(lexicon.notHelped),
    closing: plain(lexicon.closing),
  };
}
