// `npm run screenshots`: the README's pictures of the widget, English and Hebrew, desktop and
// phone, taken from a real server in real Chromium.
import { mkdir } from "node:fs/promises";
import { chromium } from "@playwright/test";
import { CHROMIUM, CHROMIUM_ARGS } from "../playwright.config.ts";
import { startServerProcess } from "../server/server-process.ts";
import { widgetTexts } from "./widget-texts.ts";

const OUT = new URL("../docs/screenshots/", import.meta.url);
const SCREENS = [
  { name: "desktop", viewport: { width: 1280, height: 800 } },
  { name: "phone", viewport: { width: 390, height: 844 } },
];
const CONVERSATIONS: Record<string, string[]> = {
  en: ["Do you ship abroad?", "I was charged twice for my last order"],
  he: ["מתי אתם פתוחים?", "חייבו אותי פעמיים על ההזמנה"],
};

await mkdir(OUT, { recursive: true });
const server = await startServerProcess();
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
try {
  for (const [lang, messages] of Object.entries(CONVERSATIONS)) {
    const texts = widgetTexts(lang);
    for (const screen of SCREENS) {
      const page = await browser.newPage({ viewport: screen.viewport, locale: lang });
      await page.goto(`${server.url}/?lang=${lang}`);
      await page.getByRole("button", { name: texts.openChat }).click();
      for (const message of messages) {
        await page.getByRole("textbox", { name: texts.message }).fill(message);
        await page.getByRole("button", { name: texts.send, exact: true }).click();
        await page.getByRole("log").getByText(message).waitFor();
        await page.waitForTimeout(1500);
      }
      await page.getByRole("log").getByText(texts.eventHandoff).waitFor();
      await page.getByRole("status").filter({ hasText: texts.waitFewMinutes }).waitFor();
      await page.screenshot({ path: new URL(`${lang}-${screen.name}.png`, OUT).pathname });
      await page.close();
      console.log(`docs/screenshots/${lang}-${screen.name}.png`);
    }
  }
} finally {
  await browser.close();
  await server.stop();
}
