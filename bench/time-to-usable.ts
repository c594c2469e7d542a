// Time to a usable widget in real Chromium on the demo shop, as a first-time visitor (a fresh
// browser context each run, nothing cached). Each step is timed from the navigation's start,
// with the host page's own heading as the baseline: what the page costs without us.
import { performance } from "node:perf_hooks";
import { chromium, type Page } from "@playwright/test";
import { CHROMIUM, CHROMIUM_ARGS } from "../playwright.config.ts";
import en from "../widget/i18n/en.json" with { type: "json" };
import { median } from "./stats.ts";

export interface Usable {
  /** The shop's own heading visible: the baseline. */
  pageMs: number;
  launcherMs: number;
  /** Panel open, connected, and the message box ready for the first message. */
  usableMs: number;
  /** From the click on the launcher to usable. */
  openToUsableMs: number;
}

export async function timeToUsable(url: string, runs: number): Promise<Usable> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const samples: Usable[] = [];
  try {
    for (let run = 0; run < runs; run++) {
      const context = await browser.newContext();
      samples.push(await oneVisit(await context.newPage(), url));
      await context.close();
    }
  } finally {
    await browser.close();
  }
  const middle = (pick: (sample: Usable) => number) => median(samples.map(pick));
  return {
    pageMs: middle((s) => s.pageMs),
    launcherMs: middle((s) => s.launcherMs),
    usableMs: middle((s) => s.usableMs),
    openToUsableMs: middle((s) => s.openToUsableMs),
  };
}

async function oneVisit(page: Page, url: string): Promise<Usable> {
  const start = performance.now();
  const since = () => performance.now() - start;
  await page.goto(url, { waitUntil: "commit" });
  await page.getByRole("heading", { level: 1 }).waitFor();
  const pageMs = since();
  const launcher = page.getByRole("button", { name: en.openChat });
  await launcher.waitFor();
  const launcherMs = since();
  await launcher.click();
  const clicked = since();
  await page.getByRole("textbox", { name: en.message }).waitFor();
  // Connected: the header says who answers (the team may be away), no longer "Reconnecting…".
  await page.getByText(en.withBot).or(page.getByText(en.withBotAway)).waitFor();
  const usableMs = since();
  return { pageMs, launcherMs, usableMs, openToUsableMs: usableMs - clicked };
}
