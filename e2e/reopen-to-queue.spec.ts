import { expect, inList, openChat, sendMessage, signInAgent, test } from "./fixtures.ts";

test("a customer writing in a resolved conversation reopens it to the queue, never to the bot", async ({
  newPerson,
  server,
}) => {
  const customer = await newPerson();
  await openChat(customer, server);
  await customer.getByRole("button", { name: "Talk to a person" }).click();
  const agent = await newPerson();
  await signInAgent(agent, server);
  const chat = customer.getByRole("log", { name: "Messages" });
  await expect(chat.getByText("Admin joined the conversation.")).toBeVisible();

  await (await inList(agent, "Mine", /Asked for a person/)).click();
  await agent.keyboard.press("e");
  await expect(chat.getByText("This conversation was marked as resolved.")).toBeVisible();
  await agent.getByLabel("My status").selectOption("away");

  await sendMessage(customer, "What are your opening hours?");
  // The customer is told, in the transcript, that writing again reopened it.
  await expect(
    chat.getByText(
      "You wrote again, so the conversation is open again. A person from our team will answer.",
    ),
  ).toBeVisible();
  const waiting = await inList(agent, "Unassigned", /What are your opening hours/);
  await expect(waiting).toBeVisible();
  await waiting.click();
  await expect(agent.getByRole("heading", { name: /Conversation/ })).toBeVisible();
  await expect(agent.getByRole("article").getByText("Waiting", { exact: true })).toBeVisible();
  // Keyboard: "?" lists the shortcuts, "c" claims.
  await agent.keyboard.press("?");
  await expect(agent.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
  await agent.keyboard.press("Escape");
  await agent.keyboard.press("c");
  await expect(chat.getByText("Admin joined the conversation.")).toHaveCount(2);
  await expect(chat.getByText("Automatic answer")).toHaveCount(0);
});
