// Which language a visitor's widget speaks, and its texts: one JSON file per language in
// widget/i18n, read once. The server chooses, so the script tag stays small.
import { readdirSync, readFileSync } from "node:fs";
import type { Context } from "hono";
import { accepts } from "hono/accepts";
import {
  DEFAULT_FILES,
  type FileSettings,
  fileLimits,
  type PublicWidgetSettings,
  type WidgetSettings,
} from "../protocol/index.ts";
import { detectLanguage, UNDETERMINED } from "./triage/language.ts";

const FOLDER = new URL("../widget/i18n/", import.meta.url);

/** Every language the widget has texts for, by its two-letter code. */
export const WIDGET_TEXTS: ReadonlyMap<string, Record<string, string>> = new Map(
  readdirSync(FOLDER)
    .filter((file) => file.endsWith(".json"))
    .map((file) => [
      file.slice(0, -".json".length),
      JSON.parse(readFileSync(new URL(file, FOLDER), "utf8")),
    ]),
);

/** The admin's languages that the widget has texts for, or all of them when none are chosen. */
export function offeredLanguages(widget: WidgetSettings): string[] {
  const chosen = widget.languages.filter((code) => WIDGET_TEXTS.has(code));
  if (chosen.length > 0) return chosen;
  return ["en", ...[...WIDGET_TEXTS.keys()].filter((code) => code !== "en").sort()];
}

/**
 * The page's wish (data-lang or the host API) when offered, else the first of the browser's
 * languages that is offered, else the page's own language, else the company's main one. Tags
 * compare by their primary subtag: "pl-PL" is Polish, "zh-Hans-CN" Chinese.
 */
export function chooseLanguage(
  wanted: { asked?: string | undefined; browser: readonly string[]; page?: string | undefined },
  offered: readonly string[],
): string {
  for (const tag of [wanted.asked, ...wanted.browser, wanted.page]) {
    const primary = tag?.trim().toLowerCase().split(/[-_]/)[0];
    if (primary && offered.includes(primary)) return primary;
  }
  return offered[0] ?? "en";
}

/** The browser's languages from Accept-Language, most preferred first (Hono parses the header). */
export function browserLanguages(c: Context): string[] {
  let ranked: string[] = [];
  accepts(c, {
    header: "Accept-Language",
    supports: [],
    default: "",
    match: (accepted) => {
      ranked = accepted
        .filter(({ q }) => q > 0)
        .sort((a, b) => b.q - a.q)
        .map(({ type }) => type);
      return "";
    },
  });
  return ranked;
}

/** What /api/widget/settings answers for one visitor. */
export function publicWidgetSettings(
  widget: WidgetSettings,
  lang: string,
  extras: { files: FileSettings; transcripts: boolean } = {
    files: DEFAULT_FILES,
    transcripts: false,
  },
): PublicWidgetSettings {
  const greeting = widget.greetings[lang];
  return {
    files: fileLimits(extras.files),
    transcripts: extras.transcripts,
    color: widget.color,
    position: widget.position,
    lang,
    offered: offeredLanguages(widget),
    texts: WIDGET_TEXTS.get(lang) ?? {},
    ...(greeting ? { greeting } : {}),
  };
}

/** Fewer letters than this say too little about the language to offer a switch. */
const MIN_LETTERS = 12;

/**
 * The offered language a customer's message is clearly written in, for the widget to offer
 * switching to it; undefined when the text is short or in no offered language.
 */
export function writtenIn(text: string, offered: readonly string[]): string | undefined {
  // Detection runs on every customer message: only when there is something to switch to.
  if (offered.length < 2 || (text.match(/\p{L}/gu)?.length ?? 0) < MIN_LETTERS) return undefined;
  // Not nudged towards the offered languages: a German message must not offer Swedish.
  const language = detectLanguage(text, UNDETERMINED);
  return offered.includes(language) ? language : undefined;
}
