import type { LanguageCode } from "./language.ts";
import { folded, HAN, terms, WORD } from "./text.ts";

/** Features are hashed into this many slots: no vocabulary to keep, any language welcome. */
export const FEATURE_SLOTS = 1 << 18;

const MAX_CHAR_GRAMS = 400;

/** A sparse feature vector: hashed slots with their weights, normalised to length 1. */
export interface Features {
  slots: Int32Array;
  values: Float32Array;
}

/**
 * What a message looks like to the reason model: its terms (stems without stopwords), pairs of
 * neighbouring words (stopwords kept, so "not working" and "charged twice" survive), and
 * character 4-grams of every word (Polish and Latvian endings, typos, missing diacritics).
 */
export function featuresOf(text: string, language: LanguageCode): Features {
  const lower = folded(text);
  const keys = new Set<string>();
  for (const term of terms(text, language)) keys.add(`t${term}`);
  const words = [...lower.replace(HAN, " ").matchAll(WORD)].map(([word]) => word);
  for (let i = 0; i + 1 < words.length; i++) keys.add(`b${words[i]} ${words[i + 1]}`);
  let grams = 0;
  for (const word of words) {
    const padded = ` ${word} `;
    for (let i = 0; i + 4 <= padded.length && grams < MAX_CHAR_GRAMS; i++, grams++) {
      keys.add(`c${padded.slice(i, i + 4)}`);
    }
  }
  for (const [run] of lower.matchAll(HAN)) {
    for (let i = 0; i + 3 <= run.length; i++) keys.add(`h${run.slice(i, i + 3)}`);
  }
  const slots = new Int32Array(keys.size + 1);
  let i = 0;
  for (const key of keys) slots[i++] = hash(key) % FEATURE_SLOTS;
  // A constant feature: the model's prior for each reason.
  slots[i] = FEATURE_SLOTS - 1;
  const values = new Float32Array(slots.length).fill(1 / Math.sqrt(slots.length));
  return { slots, values };
}

/** FNV-1a over UTF-16 code units: stable on every machine. */
export function hash(key: string): number {
  let value = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    value ^= key.charCodeAt(i);
    value = Math.imul(value, 0x01000193);
  }
  return value >>> 0;
}

/**
 * The reason bank and the FAQ's examples are trained on again after every edit: their features
 * are kept rather than computed each time (a bounded memory, emptied when full).
 */
const remembered = new Map<string, Features>();
const REMEMBER_AT_MOST = 50_000;

export function rememberedFeatures(text: string, language: LanguageCode): Features {
  const key = `${language}\u0000${text}`;
  let features = remembered.get(key);
  if (!features) {
    if (remembered.size >= REMEMBER_AT_MOST) remembered.clear();
    features = featuresOf(text, language);
    remembered.set(key, features);
  }
  return features;
}
