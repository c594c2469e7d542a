import { eld } from "eld/medium";

/** ISO 639-1 code, or "und" when the text is too short or unclear to tell. */
export type LanguageCode = string;

export const UNDETERMINED = "und";

const detector = eld.newInstance();

/**
 * The language the text is written in. Deterministic: the detector's model is fixed data.
 * When it is not sure (a word or two, numbers only) and the conversation already has a
 * language, that one stands.
 */
export function detectLanguage(text: string, previous?: LanguageCode): LanguageCode {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  if (letters === 0) return previous ?? UNDETERMINED;
  // Scripts used by one of our languages only: a share of the letters is enough.
  if (share(text, /\p{Script=Hebrew}/gu, letters) > 0.3) return "he";
  if (
    share(text, /\p{Script=Han}/gu, letters) > 0.3 &&
    !/\p{Script=Hiragana}|\p{Script=Katakana}/u.test(text)
  ) {
    return "zh";
  }
  const result = detector.detect(text);
  if (result.language && result.isReliable()) return result.language;
  return previous ?? (result.language || UNDETERMINED);
}

function share(text: string, script: RegExp, letters: number): number {
  return (text.match(script)?.length ?? 0) / letters;
}
