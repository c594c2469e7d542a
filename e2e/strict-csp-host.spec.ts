import type { Page } from "@playwright/test";
import { startServerProcess } from "../server/server-process.ts";
import { companySite } from "./company-site.ts";
import { expect, sendMessage, test } from "./fixtures.ts";

async function visit(page: Page, origin: string): Promise<void> {
  // Runs in the page before its scripts: records every CSP violation.
  await page.addInitScript({
    content: `window.__violations = [];
      document.addEventListener("securitypolicyviolation", (event) =>
        window.__violations.push(event.violatedDirective + " " + event.blockedURI));`,
  });
  await page.goto(`${origin}/`);
  await page.getByRole("button", { name: "Open chat" }).click();
}

test("the widget works on another site with a strict CSP, and only on allowed sites", async ({
  newPerson,
}) => {
  const shop = await companySite();
  const copycat = await companySite();
  const chat = await startServerProcess({ ALLOWED_ORIGINS: shop.origin });
  shop.chatUrl = chat.url;
  copycat.chatUrl = chat.url;
  try {
    const customer = await newPerson();
    await visit(customer, shop.origin);
    await sendMessage(customer, "What are your opening hours?");
    const log = customer.getByRole("log", { name: "Messages" });
    await expect(log.getByText(/Monday to Friday/)).toBeVisible();
    expect(await customer.evaluate("window.__violations")).toEqual([]);

    // A site that is not in ALLOWED_ORIGINS cannot open the chat's socket.
    const stranger = await newPerson();
    await visit(stranger, copycat.origin);
    await expect(stranger.getByText(/Reconnecting/)).toBeVisible();
    await stranger.waitForTimeout(1000);
    await expect(stranger.getByText(/Reconnecting/)).toBeVisible();
  } finally {
    await chat.stop();
    shop.server.close();
    copycat.server.close();
  }
});
