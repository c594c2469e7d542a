import { expect, openChat, sendMessage, signInAgent, test } from "./fixtures.ts";

test("the inbox opens where the agent's work is, and a new assignment opens without a click", async ({
  newPerson,
  server,
}) => {
  const agent = await newPerson();
  await signInAgent(agent, server);
  const customer = await newPerson();
  await openChat(customer, server);
  await sendMessage(customer, "I was charged twice for my order, please help");

  // Nothing was open: the conversation assigned to the agent opens by itself.
  const transcript = agent.getByRole("log", { name: "Transcript" });
  await expect(transcript.getByText("I was charged twice for my order, please help")).toBeVisible();
  await expect(agent.getByRole("tab", { name: /^Mine/ })).toHaveAttribute("aria-selected", "true");

  // Back later: the inbox lands on Mine, which holds it, not on an empty Unassigned.
  await agent.reload();
  const mine = agent.getByRole("tab", { name: /^Mine/ });
  await expect(mine).toHaveAttribute("aria-selected", "true");
  const item = agent
    .getByRole("tabpanel", { name: "Mine" })
    .getByRole("button", { name: /charged twice/ });
  await expect(item).toBeVisible();
  // Who, in which language, and how long ago they last wrote.
  await expect(item).toContainText(/Anonymous visitor #\d+ · en/);
  await expect(item).toContainText(/last message \d+ (s|min) ago/);
});
