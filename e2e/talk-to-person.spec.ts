import { expect, inList, openChat, signInAgent, test } from "./fixtures.ts";

test("'Talk to a person' before any message hands off at once", async ({ newPerson, server }) => {
  const customer = await newPerson();
  await openChat(customer, server);
  await customer.getByRole("button", { name: "Talk to a person" }).click();

  const chat = customer.getByRole("log", { name: "Messages" });
  await expect(chat.getByText("Your conversation was passed to our team.")).toBeVisible();
  // Nobody is signed in yet: no promise of a person on the way, but when one will answer.
  await expect(customer.getByRole("status").first()).toHaveText(
    "Your conversation waits for our team. A person answers when we are back.",
  );
  await expect(customer.getByRole("button", { name: /Talk to a person|on the way/ })).toHaveCount(
    0,
  );

  const agent = await newPerson();
  await signInAgent(agent, server);
  await expect(await inList(agent, "Mine", /Asked for a person/)).toBeVisible();
  await expect(customer.getByRole("status").first()).toHaveText("You are chatting with Admin.");
});
