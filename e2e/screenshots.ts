// `npm run screenshots`: the README's pictures of the widget, English and Hebrew, desktop and
// phone, and of the reports on a generated year, taken from a real server in real Chromium.
import { mkdir } from "node:fs/promises";
import { chromium } from "@playwright/test";
import { generateYear } from "../bench/report-data.ts";
import { closeDatabase, openDatabase } from "../db/index.ts";
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
      // Nobody is signed in to the inbox: the panel says so, and offers an email instead.
      await page.getByRole("button", { name: texts.leaveEmailButton }).waitFor();
      await page.screenshot({ path: new URL(`${lang}-${screen.name}.png`, OUT).pathname });
      await page.close();
      console.log(`docs/screenshots/${lang}-${screen.name}.png`);
    }
  }
  // The reports screen on a year of a busy shop, written beside the demo's admin and FAQ.
  await server.halt();
  const db = await openDatabase(server.database);
  const today = new Date().setUTCHours(0, 0, 0, 0) + 86_400_000;
  await generateYear(db, { conversations: 30_000, end: today });
  await closeDatabase(db);
  await server.restart();
  const page = await browser.newPage({ viewport: { width: 1280, height: 1500 } });
  await page.goto(`${server.url}/inbox`);
  await page.getByRole("textbox", { name: "Email" }).fill(server.admin.email);
  await page.getByLabel("Password").fill(server.admin.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("button", { name: "Reports" }).click();
  await page.getByRole("table", { name: "Bot episodes over time" }).waitFor();
  await page.screenshot({ path: new URL("reports.png", OUT).pathname });
  console.log("docs/screenshots/reports.png");
} finally {
  await browser.close();
  await server.stop();
}
