import { addAgent, expect, inList, openChat, signInAgent, test } from "./fixtures.ts";

test("after a handoff the customer sees their place in line and the wait, and moves up when the one ahead is taken", async ({
  newPerson,
  server,
}) => {
  // One agent online who takes one chat at a time; the admin is away.
  const admin = await newPerson();
  await signInAgent(admin, server);
  const ben = await addAgent(admin, server, { name: "Ben", skills: ["general"], capacity: 1 });
  await admin.getByRole("combobox", { name: "My status" }).selectOption("away");
  const agent = await newPerson();
  await signInAgent(agent, server, ben);

  const busy = await newPerson();
  await openChat(busy, server);
  await busy.getByRole("button", { name: "Talk to a person" }).click();
  await expect(busy.getByRole("status").first()).toHaveText("You are chatting with Ben.");

  const first = await newPerson();
  await openChat(first, server);
  await first.getByRole("button", { name: "Talk to a person" }).click();
  await expect(first.getByText("You are next in line.")).toBeVisible();
  await expect(first.getByRole("button", { name: "A person is on the way" })).toBeVisible();

  const second = await newPerson();
  await openChat(second, server);
  await second.getByRole("button", { name: "Talk to a person" }).click();
  const place = second.getByRole("status").filter({ hasText: "in line" });
  // No pickups yet: no number is made up.
  await expect(place).toHaveText("You are number 2 in line. Expected wait: a few minutes.");

  // Ben finishes the chat he has; the next in line is his, and the second moves up.
  await (await inList(agent, "Mine", /Asked for a person/)).first().click();
  await agent.getByRole("button", { name: "Resolve" }).click();
  await expect(first.getByRole("status").first()).toHaveText("You are chatting with Ben.");
  await expect(place).toHaveText("You are next in line. Expected wait: a few minutes.");
});
