import { expect, inList, openChat, sendMessage, signInAgent, test } from "./fixtures.ts";

test("a canned response and a suggested FAQ reply are inserted, edited and sent", async ({
  newPerson,
  server,
}) => {
  const agent = await newPerson();
  await signInAgent(agent, server);
  await agent.getByRole("button", { name: "Canned responses", exact: true }).click();
  const canned = agent.getByRole("form", { name: "Canned responses" });
  await canned.getByLabel("Shortcut").fill("thanks");
  await canned.getByLabel("Text").fill("Thank you for your patience, I am on it.");
  await canned.getByRole("button", { name: "Add" }).click();
  await expect(agent.getByText("/thanks")).toBeVisible();
  await agent.getByRole("button", { name: "Conversations" }).click();

  const customer = await newPerson();
  await openChat(customer, server);
  await sendMessage(customer, "I want to talk to a person. How long does delivery take?");
  const chat = customer.getByRole("log", { name: "Messages" });
  await expect(chat.getByText("Admin joined the conversation.")).toBeVisible();

  await (await inList(agent, "Mine", /How long does delivery take/)).click();
  const reply = agent.getByRole("textbox", { name: "Reply to the customer" });
  await reply.fill("/tha");
  await agent
    .getByRole("list", { name: "Canned responses" })
    .getByRole("button", { name: /thanks/ })
    .click();
  await expect(reply).toHaveValue("Thank you for your patience, I am on it.");
  await reply.press("Enter");
  await expect(chat.getByText("Thank you for your patience, I am on it.")).toBeVisible();

  const suggestion = agent
    .getByRole("region", { name: "Suggested replies from the FAQ" })
    .getByRole("button", { name: /Delivery/i })
    .first();
  await suggestion.click();
  const inserted = await reply.inputValue();
  expect(inserted.length).toBeGreaterThan(20);
  await reply.fill(`${inserted} Anything else?`);
  await agent.getByRole("button", { name: "Send", exact: true }).click();
  await expect(chat.getByText(`${inserted} Anything else?`)).toBeVisible();
});
