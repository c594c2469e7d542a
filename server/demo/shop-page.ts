import { readFileSync } from "node:fs";

const SHOP = readFileSync(new URL("./shop.html", import.meta.url), "utf8");
const TAG = '<script src="/widget.js" async></script>';

/**
 * The demo shop, its chat in the language picked with `?lang=` (as a company would pass its
 * signed-in customer's language in data-lang); without one the widget follows the browser.
 */
export function shopPage(lang: string | undefined): string {
  if (!lang || !/^[a-z]{2}$/.test(lang)) return SHOP;
  return SHOP.replace(TAG, `<script src="/widget.js" data-lang="${lang}" async></script>`);
}
