import { type BrowserContext, test as base, expect, type Page } from "@playwright/test";
import { type ServerProcess, startServerProcess } from "../server/server-process.ts";

/**
 * Each test gets its own real server and database, so journeys never see each other's chats.
 * `newPerson()` opens a page in a browser context of its own (a second customer, an agent);
 * those contexts close before the server stops.
 */
export const test = base.extend<{ server: ServerProcess; newPerson: () => Promise<Page> }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern.
  server: async ({}, use) => {
    const server = await startServerProcess();
    await use(server);
    await server.stop();
  },
  newPerson: async ({ browser, server: _server }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async () => {
      const context = await browser.newContext();
      contexts.push(context);
      return context.newPage();
    });
    await Promise.all(contexts.map((context) => context.close()));
  },
});

export { expect };

/** The customer on the demo shop page, with the chat opened from its launcher. */
export async function openChat(page: Page, server: ServerProcess): Promise<void> {
  await page.goto(`${server.url}/`);
  await page.getByRole("button", { name: "Open chat" }).click();
  await expect(page.getByRole("textbox", { name: "Message" })).toBeVisible();
}

export async function sendMessage(page: Page, text: string): Promise<void> {
  await page.getByRole("textbox", { name: "Message" }).fill(text);
  await page.getByRole("button", { name: "Send", exact: true }).click();
}

export async function signInAgent(page: Page, server: ServerProcess): Promise<void> {
  await page.goto(`${server.url}/inbox`);
  await page.getByRole("textbox", { name: "Email" }).fill(server.admin.email);
  await page.getByLabel("Password").fill(server.admin.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}
