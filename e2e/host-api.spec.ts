import { createHmac } from "node:crypto";
import type { Browser } from "@playwright/test";
import { startServerProcess } from "../server/server-process.ts";
import { type CompanySite, companySite } from "./company-site.ts";
import { expect, test } from "./fixtures.ts";
import { widgetTexts } from "./widget-texts.ts";

const IDENTITY_SECRET = "the company's identity secret, 32+ chars";
const sv = widgetTexts("sv");

/** The page's own script: the queueing snippet, then calls made before the widget loaded. */
function siteScript(userId: string): string {
  const hash = createHmac("sha256", IDENTITY_SECRET).update(userId).digest("hex");
  return `window.HumanFirstChat = window.HumanFirstChat || function () {
      (HumanFirstChat.q = HumanFirstChat.q || []).push(arguments); };
    window.chatEvents = [];
    HumanFirstChat("on", "handoff", function () { chatEvents.push("handoff"); });
    HumanFirstChat("on", "open", function () { chatEvents.push("open"); });
    HumanFirstChat("identify", { id: ${JSON.stringify(userId)}, hash: "${hash}" });
    HumanFirstChat("setLanguage", "sv");`;
}

/** A new browser context: another device, with nothing stored from the first. */
async function onNewDevice(browser: Browser, site: CompanySite) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${site.origin}/`);
  return { context, page };
}

test("the host page's queued API calls run: language, identity, open and events; a verified customer finds their conversation on another device", async ({
  browser,
}) => {
  const site = await companySite({ script: siteScript("customer-42") });
  const chat = await startServerProcess({
    ALLOWED_ORIGINS: site.origin,
    IDENTITY_SECRET,
  });
  site.chatUrl = chat.url;
  const devices: { close(): Promise<void> }[] = [];
  try {
    const phone = await onNewDevice(browser, site);
    devices.push(phone.context);
    await expect(phone.page.getByRole("button", { name: sv.openChat })).toBeVisible();
    await phone.page.evaluate(() =>
      (globalThis as unknown as { HumanFirstChat(command: string): void }).HumanFirstChat("open"),
    );
    await phone.page
      .getByRole("textbox", { name: sv.message })
      .fill("I need to talk to a real person");
    await phone.page.getByRole("button", { name: sv.send, exact: true }).click();
    await expect.poll(() => phone.page.evaluate("window.chatEvents")).toEqual(["open", "handoff"]);

    const laptop = await onNewDevice(browser, site);
    devices.push(laptop.context);
    await laptop.page.getByRole("button", { name: sv.openChat }).click();
    await expect(
      laptop.page
        .getByRole("log", { name: sv.messages })
        .getByText("I need to talk to a real person"),
    ).toBeVisible();
  } finally {
    await Promise.all(devices.map((device) => device.close()));
    await chat.stop();
    site.server.close();
  }
});
