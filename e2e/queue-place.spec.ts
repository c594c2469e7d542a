import { expect, inList, openChat, signInAgent, test } from "./fixtures.ts";

test("after a handoff the customer sees their place in line and the wait, and moves up when the one ahead is taken", async ({
  newPerson,
  server,
}) => {
  // The only agent is signed in but away, so handoffs wait in the queue.
  const agent = await newPerson();
  await signInAgent(agent, server);
  await agent.getByRole("combobox", { name: "My status" }).selectOption("away");

  const first = await newPerson();
  await openChat(first, server);
  await first.getByRole("button", { name: "Talk to a person" }).click();
  await expect(first.getByText("You are next in line.")).toBeVisible();

  const second = await newPerson();
  await openChat(second, server);
  await second.getByRole("button", { name: "Talk to a person" }).click();
  const place = second.getByRole("status").filter({ hasText: "in line" });
  // No pickups yet: no number is made up.
  await expect(place).toHaveText("You are number 2 in line. Expected wait: a few minutes.");

  await (await inList(agent, "Unassigned", /Asked for a person/)).first().click();
  await agent.getByRole("button", { name: "Claim", exact: true }).click();
  await expect(place).toHaveText("You are next in line. Expected wait: a few minutes.");
});
