import { stemmer as englishSnowball } from "@orama/stemmers/english";
import { unaccented } from "../../protocol/index.ts";
import type { LanguageCode } from "./language.ts";

/** A word, with an apostrophe ending ("don't", "customer's") kept. */
export const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;
/** A run of Chinese characters: no spaces mark its words. */
export const HAN = /\p{Script=Han}+/gu;

const STOPWORDS: Record<string, Set<string>> = {
  en: new Set(
    (
      "a an the and or but if of to in on at for from by with about as into is are was were be been " +
      "am do does did i me my we our you your it its this that these those there here what which who " +
      "whom how can could would should will shall may might must please hi hello hey thanks thank " +
      "so just also any some have has had i'm i'd i've want need like know tell let"
    ).split(" "),
  ),
  pl: new Set(
    (
      "a i w we z ze na do o od po za u się nie to jest są czy jak jaki jaka jakie co gdzie kiedy " +
      "ile mój moja moje mi mnie ja wy was wam pan pani proszę dzień dobry cześć chcę chciałbym " +
      "chciałabym mogę można by ten ta te tego tej"
    ).split(" "),
  ),
  sv: new Set(
    (
      "och i att det som en ett på är av för med till den har de inte om han hon jag du ni vi vad " +
      "hur var när kan ska vill min mitt mina er ert era hej tack man så från eller får"
    ).split(" "),
  ),
  lv: new Set(
    (
      "un ir ar uz no par kā ko kas kur kad vai es tu jūs mēs man mans mana mani jums jūsu lūdzu " +
      "sveiki labdien paldies gribu vēlos var varu to tas tā šo šis"
    ).split(" "),
  ),
  he: new Set(
    "של את על עם זה זו אני אתם אתה הם מה איך איפה מתי האם יש אין לי לכם שלי שלכם בבקשה שלום תודה רוצה אפשר".split(
      " ",
    ),
  ),
};

/**
 * Lower case without accents: customers often type "platnosc" for "płatność" and "vestule"
 * for "vēstule", and a word should meet itself either way.
 */
export function folded(text: string): string {
  return unaccented(text.normalize("NFKC")).toLowerCase();
}

/** Stopwords as customers type them, accents or not. */
const FOLDED_STOPWORDS: Record<string, Set<string>> = Object.fromEntries(
  Object.entries(STOPWORDS).map(([language, words]) => [language, new Set([...words].map(folded))]),
);

/** The terms an FAQ question and a customer message are compared by, in the given language. */
export function terms(text: string, language: LanguageCode): string[] {
  const lower = folded(text);
  const found: string[] = [];
  // Chinese runs have no spaces: single characters and pairs stand in for words.
  for (const [run] of lower.matchAll(HAN)) {
    for (let i = 0; i < run.length; i++) {
      found.push(run[i] as string);
      if (i + 1 < run.length) found.push(run.slice(i, i + 2));
    }
  }
  const stopwords = FOLDED_STOPWORDS[language] ?? FOLDED_STOPWORDS.en;
  for (const [word] of lower.replace(HAN, " ").matchAll(WORD)) {
    if (!stopwords?.has(word)) found.push(stem(word, language));
  }
  return found;
}

/**
 * A word's stem: Snowball's English stemmer (Porter2) for English. Snowball has none for
 * Polish, Latvian or Hebrew, and its Swedish one measured no better than a cut after seven
 * letters, so those keep a deliberately crude rule.
 */
function stem(word: string, language: LanguageCode): string {
  switch (language) {
    case "he":
      // The prefixes ו ה ב ל מ ש כ attach to words; long words lose one.
      return word.length > 4 ? word.replace(/^[והבלמשכ]/u, "") : word;
    case "pl":
    case "lv":
      // Rich inflection: the first six letters carry the stem well enough.
      return [...word].slice(0, 6).join("");
    case "sv":
      return [...word].slice(0, 7).join("");
    default:
      return englishSnowball(word.replace(/['’]s$/u, ""));
  }
}
