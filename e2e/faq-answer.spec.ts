import { expect, openChat, sendMessage, test } from "./fixtures.ts";

test("an FAQ question gets an automatic answer that names its FAQ entry", async ({
  page,
  server,
}) => {
  await openChat(page, server);
  await sendMessage(page, "What are your opening hours?");

  const log = page.getByRole("log", { name: "Messages" });
  await expect(log.getByText("What are your opening hours?")).toBeVisible();
  await expect(log.getByText(/^Sent · \d/)).toBeVisible();
  await expect(log.getByText("Automatic answer")).toBeVisible();
  await expect(log.getByText(/Monday to Friday 9:00–19:00/)).toBeVisible();
  await expect(log.getByText("From our FAQ: Opening hours")).toBeVisible();
  await page.screenshot({ path: "test-results/faq-answer.png" });
});
