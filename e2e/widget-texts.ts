import { readFileSync } from "node:fs";
import type { Messages } from "../widget/i18n/messages.ts";

/** The widget's texts in one language, as a person sees them, to find things by their name. */
export function widgetTexts(lang: string): Messages {
  const file = new URL(`../widget/i18n/${lang}.json`, import.meta.url);
  return JSON.parse(readFileSync(file, "utf8")) as Messages;
}
