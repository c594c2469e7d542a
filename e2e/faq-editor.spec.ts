import { expect, openChat, sendMessage, signInAgent, test } from "./fixtures.ts";

const NEW_ANSWER = "From December we are open every day, 8:00 to 22:00.";

test("an admin edits an FAQ answer, tries it, and the next customer gets the new answer", async ({
  newPerson,
  server,
}) => {
  const admin = await newPerson();
  await signInAgent(admin, server);
  await admin.getByLabel("My status").selectOption("away");
  await admin.getByRole("button", { name: "Knowledge base" }).click();
  await admin
    .getByRole("button", { name: /^Edit: .*hours/i })
    .first()
    .click();
  const form = admin.getByRole("form", { name: "Opening hours" });
  await form.getByLabel("Answer").fill(NEW_ANSWER);
  await form.getByRole("button", { name: "Save" }).click();
  await expect(admin.getByRole("cell", { name: NEW_ANSWER })).toBeVisible();

  const tryIt = admin.getByRole("form", { name: "Try it" });
  await tryIt.getByLabel("A customer's message").fill("When are you open?");
  await tryIt.getByRole("button", { name: "Try it" }).click();
  await expect(tryIt.getByRole("status")).toContainText(NEW_ANSWER);
  await tryIt.getByLabel("A customer's message").fill("I was charged twice!");
  await tryIt.getByRole("button", { name: "Try it" }).click();
  await expect(tryIt.getByRole("status")).toContainText("A person takes over");
  await expect(tryIt.getByRole("status").locator("mark")).toHaveText(["charged twice"]);
  // Too short to tell the language by itself; in a conversation known to be Swedish it is.
  await tryIt.getByLabel("A customer's message").fill("hej");
  await tryIt.getByRole("button", { name: "Try it" }).click();
  await expect(tryIt.getByRole("status")).toContainText("Read as no language it can tell.");
  await tryIt.getByLabel("The conversation's language").selectOption({ label: "Swedish" });
  await tryIt.getByRole("button", { name: "Try it" }).click();
  await expect(tryIt.getByRole("status")).toContainText("Read as Swedish.");

  const customer = await newPerson();
  await openChat(customer, server);
  await sendMessage(customer, "What are your opening hours?");
  await expect(customer.getByRole("log", { name: "Messages" }).getByText(NEW_ANSWER)).toBeVisible();
});
