import { expect, inList, openChat, sendMessage, signInAgent, test } from "./fixtures.ts";

const QUESTION = "Will you post a sofa to Bergen?";

test("an agent marks that the FAQ answers a handoff, an admin accepts it, and the next customer gets the bot's answer", async ({
  newPerson,
  server,
}) => {
  const first = await newPerson();
  const admin = await newPerson();
  await openChat(first, server);
  await sendMessage(first, QUESTION);
  await expect(
    first
      .getByRole("log", { name: "Messages" })
      .getByText("Your conversation was passed to our team."),
  ).toBeVisible();

  await signInAgent(admin, server);
  await (await inList(admin, "Mine", /Bergen/)).click();
  const card = admin.getByRole("region", { name: "Handoff" });
  const mark = card.getByRole("form", { name: "The FAQ answers this" });
  await mark
    .getByLabel("FAQ entry that answers the customer")
    .selectOption({ label: "International shipping" });
  await mark.getByRole("button", { name: "The FAQ answers this" }).click();
  await expect(mark.getByRole("status")).toHaveText(
    "Marked. An admin will review it in the knowledge base.",
  );

  await admin.getByRole("button", { name: "Knowledge base" }).click();
  const marks = admin.getByRole("region", { name: "Agents' marks" });
  const row = marks.getByRole("row", { name: new RegExp(QUESTION) });
  await expect(row).toContainText("Answered by “International shipping”");
  await row.getByRole("button", { name: "Accept" }).click();
  await expect(marks.getByText("No marks waiting.")).toBeVisible();
  // The bot learns the new example in the recalibration the knowledge base shows running
  // (about a second; the learning thread's first job, on a busy machine, several).
  const recalculating = admin.getByText("Recalculating after your last change…");
  await expect(recalculating).toBeVisible();
  await expect(recalculating).toBeHidden({ timeout: 20_000 });

  const next = await newPerson();
  await openChat(next, server);
  await sendMessage(next, QUESTION);
  const chat = next.getByRole("log", { name: "Messages" });
  await expect(chat.getByText(/We ship to every EU country, Norway/)).toBeVisible();
  await admin.screenshot({ path: "test-results/agents-marks.png", fullPage: true });
});
