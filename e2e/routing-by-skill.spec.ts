import { addAgent, expect, inList, openChat, sendMessage, signInAgent, test } from "./fixtures.ts";

test("two agents with different skills each receive the handoffs meant for them", async ({
  newPerson,
  server,
}) => {
  const admin = await newPerson();
  await signInAgent(admin, server);
  // The admin steps away, so only the two specialists take handoffs.
  await admin.getByLabel("My status").selectOption("away");
  const billCredentials = await addAgent(admin, server, { name: "Bill", skills: ["billing"] });
  const tessCredentials = await addAgent(admin, server, { name: "Tess", skills: ["technical"] });
  const bill = await newPerson();
  const tess = await newPerson();
  await signInAgent(bill, server, billCredentials);
  await signInAgent(tess, server, tessCredentials);
  await expect(admin.getByText("Agents online: 3")).toBeVisible();

  const money = await newPerson();
  await openChat(money, server);
  await sendMessage(money, "I was charged twice for my order");
  const broken = await newPerson();
  await openChat(broken, server);
  await sendMessage(broken, "The app crashes every time I export a report after the update");

  await expect(await inList(bill, "Mine", /charged twice/)).toBeVisible();
  await expect(await inList(tess, "Mine", /app crashes/)).toBeVisible();
  await expect(await inList(bill, "Mine", /app crashes/)).toHaveCount(0);
  await expect(await inList(tess, "Mine", /charged twice/)).toHaveCount(0);
  await expect(money.getByRole("log", { name: "Messages" })).toContainText(
    "Bill joined the conversation.",
  );
  await expect(broken.getByRole("log", { name: "Messages" })).toContainText(
    "Tess joined the conversation.",
  );
  // Everyone sees both in "All open", with who has them.
  await expect(await inList(admin, "All open", /charged twice/)).toBeVisible();
  await expect(await inList(admin, "All open", /app crashes/)).toBeVisible();
});
