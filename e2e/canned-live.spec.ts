import { expect, openChat, signInAgent, test } from "./fixtures.ts";

test("a canned response an admin adds reaches open inboxes at once; '/' with none says where they come from", async ({
  newPerson,
  server,
}) => {
  const agent = await newPerson();
  await signInAgent(agent, server);
  const customer = await newPerson();
  await openChat(customer, server);
  await customer.getByRole("button", { name: "Talk to a person" }).click();
  const reply = agent.getByRole("textbox", { name: "Reply to the customer" });
  await reply.fill("/");
  await expect(agent.getByText(/There are no canned responses yet/)).toBeVisible();

  // The admin adds one in another tab; the open inbox is not reloaded.
  const admin = await newPerson();
  await signInAgent(admin, server);
  await admin.getByRole("button", { name: "Canned responses", exact: true }).click();
  const canned = admin.getByRole("form", { name: "Canned responses" });
  await canned.getByLabel("Shortcut").fill("hello");
  await canned.getByLabel("Text").fill("Hello! I am looking into it now.");
  await canned.getByRole("button", { name: "Add" }).click();

  await reply.fill("/hel");
  await agent
    .getByRole("list", { name: "Canned responses" })
    .getByRole("button", { name: /hello/ })
    .click();
  await expect(reply).toHaveValue("Hello! I am looking into it now.");
  await reply.fill("/xyz");
  await expect(agent.getByText("No canned response starts with /xyz.")).toBeVisible();
});
