import { expect, inList, openChat, signInAgent, test } from "./fixtures.ts";

test("an agent's reply to a closed panel raises the badge; after resolve the customer's rating reaches the agent", async ({
  newPerson,
  server,
}) => {
  const customer = await newPerson();
  await openChat(customer, server);
  // Nobody online yet: the customer leaves an address; this server has no SMTP.
  await customer.getByRole("button", { name: "Get the answer by email" }).click();
  await customer.getByRole("textbox", { name: "Your email" }).fill("ada@example.com");
  await customer.getByRole("button", { name: "Save email" }).click();
  await customer.getByRole("button", { name: "Talk to a person" }).click();

  const agent = await newPerson();
  await signInAgent(agent, server);
  await (await inList(agent, "Mine", /Asked for a person/)).click();
  await expect(agent.getByText(/No email will be sent/)).toBeVisible();

  // The customer closes the panel; the reply that comes meanwhile is counted.
  await customer.getByRole("button", { name: "Close chat" }).first().click();
  const shopTitle = await customer.title();
  await agent.getByRole("textbox", { name: "Reply to the customer" }).fill("Hello, Ada here.");
  await agent.getByRole("button", { name: "Send", exact: true }).click();
  await expect(customer.getByRole("button", { name: "Open chat, 1 new" })).toBeVisible();
  await expect(customer).toHaveTitle(`(1) ${shopTitle}`);
  await customer.getByRole("button", { name: "Open chat, 1 new" }).click();
  await expect(customer.getByRole("log", { name: "Messages" })).toContainText("Hello, Ada here.");
  await expect(customer).toHaveTitle(shopTitle);

  await agent.getByRole("button", { name: "Resolve" }).click();
  const rating = customer.getByRole("group", { name: "How did we do?" });
  await rating.getByRole("radio", { name: "4 out of 5: Good" }).check();
  await customer.getByRole("textbox", { name: /Anything you want to add/ }).fill("Quick and kind");
  await customer.getByRole("button", { name: "Send rating" }).click();
  await expect(customer.getByText("Thank you for your feedback.")).toBeVisible();

  await (await inList(agent, "Resolved", /Asked for a person/)).click();
  const details = agent.getByRole("complementary", { name: "Customer" });
  await expect(details).toContainText("4 out of 5 · “Quick and kind”");
});
