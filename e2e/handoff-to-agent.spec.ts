import { expect, openChat, sendMessage, signInAgent, test } from "./fixtures.ts";

test("a double charge goes to an agent, who claims and replies while the bot stays quiet", async ({
  newPerson,
  server,
}) => {
  const customer = await newPerson();
  const agent = await newPerson();

  await openChat(customer, server);
  await sendMessage(customer, "I was charged twice for my order");
  const chat = customer.getByRole("log", { name: "Messages" });
  await expect(
    chat.getByText("A person from our team is joining this conversation."),
  ).toBeVisible();

  await signInAgent(agent, server);
  const waiting = agent.getByRole("region", { name: "Waiting" });
  const item = waiting.getByRole("button", { name: /Financial.*I was charged twice for my order/ });
  await expect(item).toBeVisible();
  await item.click();
  await expect(agent.getByRole("region", { name: "Handoff" })).toContainText("Financial");
  await agent.getByRole("button", { name: "Claim" }).click();
  await expect(chat.getByText("Admin joined the conversation.")).toBeVisible();

  await agent
    .getByRole("textbox", { name: "Reply" })
    .fill("Sorry about that, I am refunding the second charge now.");
  await agent.getByRole("button", { name: "Send" }).click();
  await expect(
    chat.getByText("Sorry about that, I am refunding the second charge now."),
  ).toBeVisible();
  await expect(chat.getByText("Admin", { exact: true })).toBeVisible();

  // The customer writes again: it reaches the agent live, and the bot never answers.
  await sendMessage(customer, "What are your opening hours?");
  const transcript = agent.getByRole("log", { name: "Transcript" });
  await expect(transcript.getByText("What are your opening hours?")).toBeVisible();
  await agent.getByRole("button", { name: "Resolve" }).click();
  await expect(chat.getByText("This conversation was marked as resolved.")).toBeVisible();
  await expect(chat.getByText("Automatic answer")).toHaveCount(0);
  await customer.screenshot({ path: "test-results/handoff-customer.png" });
  await agent.screenshot({ path: "test-results/handoff-agent.png" });
});
