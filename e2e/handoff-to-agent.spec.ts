import { expect, inList, openChat, sendMessage, signInAgent, test } from "./fixtures.ts";

test("a double charge goes to the agent who comes online, who replies while the bot stays quiet", async ({
  newPerson,
  server,
}) => {
  const customer = await newPerson();
  const agent = await newPerson();

  await openChat(customer, server);
  await sendMessage(customer, "I was charged twice for my order");
  const chat = customer.getByRole("log", { name: "Messages" });
  await expect(chat.getByText("Your conversation was passed to our team.")).toBeVisible();

  // The only agent signs in: the waiting handoff is assigned to them at once.
  await signInAgent(agent, server);
  await expect(chat.getByText("Admin joined the conversation.")).toBeVisible();
  await (await inList(agent, "Mine", /Financial.*I was charged twice for my order/)).click();
  const card = agent.getByRole("region", { name: "Handoff" });
  await expect(card).toContainText("Financial");
  await expect(card).toContainText("Team: billing");
  const details = agent.getByRole("complementary", { name: "Customer" });
  await expect(details).toContainText("Linden & Co.");
  await expect(agent.getByRole("log", { name: "Transcript" }).locator("mark")).toHaveText([
    "charged twice",
  ]);

  await agent
    .getByRole("textbox", { name: "Reply to the customer" })
    .fill("Sorry about that, I am refunding the second charge now.");
  await agent.getByRole("button", { name: "Send", exact: true }).click();
  await expect(
    chat.getByText("Sorry about that, I am refunding the second charge now."),
  ).toBeVisible();
  await expect(chat.getByText("Read").first()).toBeVisible();
  await expect(chat.getByText(/^Admin · \d/)).toBeVisible();

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
