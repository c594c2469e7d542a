import { chromium } from "@playwright/test";
import { CHROMIUM, CHROMIUM_ARGS } from "/work/main/playwright.config.ts";
import { startServerProcess } from "/work/main/server/server-process.ts";
const server = await startServerProcess();
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
for (const [lang, q, w, h] of [["he", "מה שעות הפתיחה שלכם?", 1200, 800], ["pl", "Jakie są godziny otwarcia?", 390, 760]] as const) {
  const page = await browser.newPage({ viewport: { width: w, height: h } });
  page.on("pageerror", (e) => console.log("pageerror:", e.message));
  await page.goto(server.url + "/?lang=" + lang);
  await page.locator("[data-human-first-chat]").getByRole("button").first().click();
  await page.getByRole("textbox").first().fill(q);
  await page.keyboard.press("Enter");
  await page.waitForTimeout(3000);
  await page.screenshot({ path: `/tmp/shot-${lang}.png` });
}
await browser.close(); await server.stop();
