import { once } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Page } from "@playwright/test";
import { startServerProcess } from "../server/server-process.ts";
import { expect, sendMessage, test } from "./fixtures.ts";

/**
 * A company's page on an origin of its own, with a strict Content-Security-Policy that allows
 * only what the README tells a host to allow for the widget: its script and its socket.
 */
async function companySite(): Promise<{ origin: string; server: Server; chatUrl: string }> {
  const site = { origin: "", server: createServer(), chatUrl: "" };
  site.server.on("request", (_request, response) => {
    const chat = new URL(site.chatUrl);
    const csp = [
      "default-src 'self'",
      `script-src 'self' ${chat.origin}`,
      `connect-src 'self' ${chat.origin} ws://${chat.host}`,
      "style-src 'self'",
      "img-src 'self'",
    ].join("; ");
    response.writeHead(200, { "content-type": "text/html", "content-security-policy": csp });
    response.end(`<!doctype html><html lang="en"><title>Shop</title><h1>A shop</h1>
      <script src="${chat.origin}/widget.js" async></script></html>`);
  });
  site.server.listen(0, "127.0.0.1");
  await once(site.server, "listening");
  site.origin = `http://127.0.0.1:${(site.server.address() as AddressInfo).port}`;
  return site;
}

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
