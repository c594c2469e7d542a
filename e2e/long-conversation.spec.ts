import { expect, inList, openChat, sendMessage, signInAgent, test } from "./fixtures.ts";

const LINE = "My order came without the second cushion cover and the box was open at one end.";
const FIRST = "A person from the team is joining this conversation.";

test("a long conversation opens at its newest message, stays there, and says when more came below", async ({
  newPerson,
  server,
}) => {
  test.setTimeout(60_000);
  const agent = await newPerson();
  await agent.setViewportSize({ width: 1280, height: 900 });
  await signInAgent(agent, server);
  const customer = await newPerson();
  await openChat(customer, server);
  await customer.getByRole("button", { name: "Talk to a person" }).click();
  const chat = customer.getByRole("log", { name: "Messages" });
  for (let i = 1; i <= 12; i++) {
    await sendMessage(customer, `${i}. ${LINE}`);
    await expect(chat.getByText(`${i}. ${LINE}`)).toBeVisible();
  }

  await agent.reload();
  await (await inList(agent, "Mine", /Asked for a person/)).click();
  const transcript = agent.getByRole("log", { name: "Transcript" });
  await expect(transcript.getByText(`12. ${LINE}`)).toBeInViewport();
  await expect(transcript.getByText(`1. ${LINE}`, { exact: true })).not.toBeInViewport();

  // Pinned to the newest while the agent reads there.
  await sendMessage(customer, "13. Are you still there?");
  await expect(transcript.getByText("13. Are you still there?")).toBeInViewport();

  // Scrolled up to read: the view stays, and a button says more came.
  await transcript.evaluate((log) => {
    log.scrollTop = 0;
  });
  await expect(transcript.getByText(FIRST)).toBeInViewport();
  await sendMessage(customer, "14. Hello?");
  const more = agent.getByRole("button", { name: "New messages ↓" });
  await expect(more).toBeVisible();
  await expect(transcript.getByText(FIRST)).toBeInViewport();
  await more.click();
  await expect(transcript.getByText("14. Hello?")).toBeInViewport();
  await expect(more).toHaveCount(0);

  // The handoff card folds, and stays folded for the next conversation and after a reload.
  const card = agent.getByRole("region", { name: "Handoff" });
  await card.getByText(/^Handed over:/).click();
  await expect(card.getByRole("form", { name: "The FAQ answers this" })).toBeHidden();
  await agent.reload();
  await (await inList(agent, "Mine", /Asked for a person/)).click();
  await expect(card.getByText(/^Handed over:/)).toBeVisible();
  await expect(card.getByRole("form", { name: "The FAQ answers this" })).toBeHidden();
});
