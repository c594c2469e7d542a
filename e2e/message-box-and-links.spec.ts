import { expect, inList, openChat, sendMessage, signInAgent, test } from "./fixtures.ts";

test("a long paste is never cut: the box counts down near the limit, says by how much it is over and does not send", async ({
  page,
  server,
}) => {
  await openChat(page, server);
  const box = page.getByRole("textbox", { name: "Message" });
  const oneLine = (await box.boundingBox())?.height ?? 0;
  await box.fill(`${"My order story. ".repeat(282).slice(0, 4502)} The end.`); // 4,511 characters
  await expect(box).toHaveValue(/The end\.$/);
  expect((await box.inputValue()).length).toBe(4511);
  await expect(page.getByRole("alert")).toHaveText(
    "511 characters too long: a message can have at most 4000. Shorten it or send it in parts.",
  );
  // The box grew with the text (up to its limit) instead of staying one line.
  expect((await box.boundingBox())?.height ?? 0).toBeGreaterThan(oneLine * 2);

  await expect(page.getByRole("button", { name: "Send", exact: true })).toBeDisabled();
  await box.press("Enter");
  // Given time to have been sent, nothing was: no bubble, and the text is all still there.
  await page.waitForTimeout(1_000);
  const log = page.getByRole("log", { name: "Messages" });
  await expect(log.getByText(/My order story/)).toHaveCount(0);
  expect((await box.inputValue()).length).toBe(4511);

  await box.fill("x".repeat(3600));
  await expect(page.getByText("400 characters left.")).toBeVisible();
  await expect(page.getByRole("alert")).toHaveCount(0);
});

test("http(s) addresses are links that open in a new tab, in the widget and the inbox; nothing else is; agent replies show who and when", async ({
  newPerson,
  server,
}) => {
  const customer = await newPerson();
  await openChat(customer, server);
  await customer.getByRole("button", { name: "Talk to a person" }).click();
  const agent = await newPerson();
  await signInAgent(agent, server);
  await sendMessage(
    customer,
    "My order https://shop.example/orders/7, not javascript:alert(1) or <b>bold</b>",
  );
  const log = customer.getByRole("log", { name: "Messages" });
  const mine = log.getByRole("link", { name: "https://shop.example/orders/7" });
  await expect(mine).toHaveAttribute("href", "https://shop.example/orders/7");
  await expect(mine).toHaveAttribute("target", "_blank");
  await expect(mine).toHaveAttribute("rel", "noopener noreferrer nofollow");
  await expect(log.getByRole("link")).toHaveCount(1);
  await expect(
    log.getByText("not javascript:alert(1) or <b>bold</b>", { exact: false }),
  ).toBeVisible();

  await (await inList(agent, "Mine", /Asked for a person/)).click();
  const transcript = agent.getByRole("log", { name: "Transcript" });
  const seen = transcript.getByRole("link", { name: "https://shop.example/orders/7" });
  await expect(seen).toHaveAttribute("rel", "noopener noreferrer nofollow");
  await expect(seen).toHaveAttribute("target", "_blank");
  await expect(transcript.getByRole("link")).toHaveCount(1);

  await agent
    .getByRole("textbox", { name: "Reply to the customer" })
    .fill("Found it. Tracking: https://track.example/p?id=7.");
  await agent.getByRole("button", { name: "Send", exact: true }).click();
  const reply = log.getByRole("link", { name: "https://track.example/p?id=7" });
  await expect(reply).toHaveAttribute("href", "https://track.example/p?id=7");
  // The reply says who wrote it and at what time.
  const time = log.locator("time").last();
  await expect(time).toHaveText(/^\d{1,2}:\d{2}/);
  await expect(log.getByText(/^Admin ·/)).toBeVisible();
});
