// The widget's texts: one plain JSON file per language in this folder, English the reference.
// A company adds a language by adding a file; the build lists what is there.
import type en from "./en.json";

export type Messages = typeof en;

/**
 * The first wanted language that the widget has, by its primary subtag ("pl-PL" is Polish,
 * "zh-Hans-CN" Chinese); English when none is. Wanted: the script's data-lang, the page's
 * lang, then the browser's languages, in that order.
 */
export function chooseLanguage(
  wanted: readonly (string | null | undefined)[],
  available: readonly string[],
): string {
  for (const tag of wanted) {
    const primary = tag?.trim().toLowerCase().split(/[-_]/)[0];
    if (primary && available.includes(primary)) return primary;
  }
  return "en";
}
