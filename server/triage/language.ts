import { eld } from "eld/medium";

/** ISO 639-1 code, or "und" when the text is too short or unclear to tell. */
export type LanguageCode = string;

export const UNDETERMINED = "und";

const detector = eld.newInstance();

/** A language the FAQ has stands in for the detector's pick when it scores nearly as well. */
const CLOSE_SCORE = 0.8;

/**
 * The language the text is written in. Deterministic: the detector's model is fixed data.
 * When it is not sure (a word or two, numbers only) and the conversation already has a
 * language, that one stands. Among close relatives ("hur lång tid tar nummerflytt" scores
 * Norwegian a hair above Swedish) a language in `known` (the FAQ's) wins.
 */
export function detectLanguage(
  text: string,
  previous?: LanguageCode,
  known?: ReadonlySet<LanguageCode>,
): LanguageCode {
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
  const language = result.language && known ? closestKnown(result, known) : result.language;
  if (language && (result.isReliable() || language !== result.language)) return language;
  return previous ?? (language || UNDETERMINED);
}

function closestKnown(
  result: { language: string; getScores(): Record<string, number> },
  known: ReadonlySet<LanguageCode>,
): LanguageCode {
  if (known.has(result.language)) return result.language;
  const scores = result.getScores();
  const top = scores[result.language] ?? 0;
  let best: [LanguageCode, number] | undefined;
  for (const [language, score] of Object.entries(scores)) {
    if (known.has(language) && score >= CLOSE_SCORE * top && score > (best?.[1] ?? 0)) {
      best = [language, score];
    }
  }
  return best?.[0] ?? result.language;
}

function share(text: string, script: RegExp, letters: number): number {
  return (text.match(script)?.length ?? 0) / letters;
}
