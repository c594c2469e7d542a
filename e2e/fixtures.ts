import { test as base, expect, type Page } from "@playwright/test";
import { startTestServer, type TestServer } from "./server.ts";

/** Each test gets its own real server and database, so journeys never see each other's chats. */
export const test = base.extend<{ server: TestServer }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern.
  server: async ({}, use) => {
    const server = await startTestServer();
    await use(server);
    await server.stop();
  },
});

export { expect };

/** The customer on the demo shop page, with the chat opened from its launcher. */
export async function openChat(page: Page, server: TestServer): Promise<void> {
  await page.goto(`${server.url}/`);
  await page.getByRole("button", { name: "Open chat" }).click();
  await expect(page.getByRole("textbox", { name: "Message" })).toBeVisible();
}

export async function sendMessage(page: Page, text: string): Promise<void> {
  await page.getByRole("textbox", { name: "Message" }).fill(text);
  await page.getByRole("button", { name: "Send", exact: true }).click();
}

export async function signInAgent(page: Page, server: TestServer): Promise<void> {
  await page.goto(`${server.url}/inbox`);
  await page.getByRole("textbox", { name: "Email" }).fill(server.admin.email);
  await page.getByLabel("Password").fill(server.admin.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}
