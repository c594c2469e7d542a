import { expect, openChat, sendMessage, test } from "./fixtures.ts";

test("after a reload, and in a new tab, the customer sees the whole conversation", async ({
  page,
  context,
  server,
}) => {
  await openChat(page, server);
  await sendMessage(page, "How much is shipping?");
  const log = page.getByRole("log", { name: "Messages" });
  await expect(log.getByText(/Standard shipping costs €4.90/)).toBeVisible();
  await sendMessage(page, "Do you sell gift cards?");
  await expect(log.getByText(/Gift cards from €10 to €500/)).toBeVisible();

  await page.reload();
  await expect(log.getByText("How much is shipping?")).toBeVisible();
  await expect(log.getByText(/Standard shipping costs €4.90/)).toBeVisible();
  await expect(log.getByText(/Gift cards from €10 to €500/)).toBeVisible();

  await page.close();
  const again = await context.newPage();
  await openChat(again, server);
  const newLog = again.getByRole("log", { name: "Messages" });
  await expect(newLog.getByText("Do you sell gift cards?")).toBeVisible();
  await expect(newLog.getByText("Automatic answer")).toHaveCount(2);
});
