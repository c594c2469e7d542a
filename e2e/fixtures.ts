import {
  type BrowserContext,
  test as base,
  expect,
  type Locator,
  type Page,
} from "@playwright/test";
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

/** Signs in as the admin, or as another agent given their credentials. */
export async function signInAgent(
  page: Page,
  server: ServerProcess,
  who: { email: string; password: string } = server.admin,
): Promise<void> {
  await page.goto(`${server.url}/inbox`);
  await page.getByRole("textbox", { name: "Email" }).fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}

/**
 * Shows one of the inbox's lists ("Mine", "Unassigned", "All open", "Resolved") and returns
 * the conversations in it that match the name.
 */
export async function inList(page: Page, list: string, name: RegExp): Promise<Locator> {
  await page.getByRole("tab", { name: new RegExp(`^${list}`) }).click();
  return page.getByRole("tabpanel", { name: list }).getByRole("button", { name });
}

export const AGENT_PASSWORD = "a long agent password";

/** An agent the signed-in admin's page adds through the API, as the Team screen does. */
export async function addAgent(
  admin: Page,
  server: ServerProcess,
  agent: { name: string; skills: string[]; languages?: string[]; capacity?: number },
): Promise<{ email: string; password: string }> {
  const email = `${agent.name.toLowerCase()}@example.com`;
  const response = await admin.request.post(`${server.url}/api/admin/agents`, {
    headers: { origin: server.url },
    data: { email, role: "agent", password: AGENT_PASSWORD, languages: ["en"], ...agent },
  });
  expect(response.status()).toBe(201);
  return { email, password: AGENT_PASSWORD };
}
