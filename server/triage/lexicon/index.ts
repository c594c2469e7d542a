import { en } from "./en.ts";
import { he } from "./he.ts";
import { lv } from "./lv.ts";
import { pl } from "./pl.ts";
import { sv } from "./sv.ts";
import type { Lexicon } from "./types.ts";
import { zh } from "./zh.ts";

export type { Cue, Lexicon, SignalReason } from "./types.ts";

/** The languages whose handoff signals the engine knows. */
export const LEXICONS = { en, pl, zh, sv, lv, he } as const satisfies Record<string, Lexicon>;

export type SignalLanguage = keyof typeof LEXICONS;
