import type { Page } from "@playwright/test";
import type { ServerProcess } from "../server/server-process.ts";
import { expect, openChat, sendMessage, test } from "./fixtures.ts";

/** A customer whose first question the bot answered; the chat's log. */
async function answeredOnce(page: Page, server: ServerProcess) {
  await openChat(page, server);
  const log = page.getByRole("log", { name: "Messages" });
  await sendMessage(page, "What are your opening hours?");
  await expect(log.getByText("Automatic answer")).toBeVisible();
  return log;
}

test("a message typed while the server is down is sent once when it is back", async ({
  page,
  server,
}) => {
  const log = await answeredOnce(page, server);

  await server.halt();
  await expect(page.getByText(/Reconnecting/)).toBeVisible();
  await sendMessage(page, "Do you ship abroad?");
  await expect(log.getByText("Sending…")).toBeVisible();

  await server.restart();
  await expect(log.getByText(/We ship to every EU country/)).toBeVisible({ timeout: 20_000 });
  await expect(log.getByText("Sending…")).toHaveCount(0);

  await page.reload();
  await expect(log.getByText(/We ship to every EU country/)).toBeVisible();
  await expect(log.getByText("Do you ship abroad?")).toHaveCount(1);
  await expect(log.getByText("Automatic answer")).toHaveCount(2);
});

test("when the network drops the panel says so within 2 s, and what was typed is sent once it is back", async ({
  page,
  server,
}) => {
  const log = await answeredOnce(page, server);

  // The server is fine; only this browser lost its network (the socket itself may linger).
  await page.context().setOffline(true);
  await expect(page.getByRole("status").first()).toHaveText(
    "You are offline. Your messages are kept and sent when the connection is back.",
    { timeout: 2_000 },
  );
  await sendMessage(page, "Do you ship abroad?");
  await expect(log.getByText("Sending…")).toBeVisible();

  await page.context().setOffline(false);
  await expect(log.getByText(/We ship to every EU country/)).toBeVisible({ timeout: 10_000 });
  await expect(log.getByText("Sending…")).toHaveCount(0);
  await expect(log.getByText("Do you ship abroad?")).toHaveCount(1);
});
