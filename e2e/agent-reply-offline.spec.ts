import type { Page } from "@playwright/test";
import type { ServerProcess } from "../server/server-process.ts";
import { expect, inList, openChat, signInAgent, test } from "./fixtures.ts";

/** An agent signed in with a customer's conversation open, the customer having asked for them. */
async function agentWithCustomer(newPerson: () => Promise<Page>, server: ServerProcess) {
  const agent = await newPerson();
  await signInAgent(agent, server);
  const customer = await newPerson();
  await openChat(customer, server);
  await customer.getByRole("button", { name: "Talk to a person" }).click();
  await (await inList(agent, "Mine", /Asked for a person/)).click();
  return { agent, customer };
}

test("an agent's reply written while the server is down waits as pending, survives a reload, and is sent once", async ({
  newPerson,
  server,
}) => {
  const { agent, customer } = await agentWithCustomer(newPerson, server);

  await server.halt();
  await expect(agent.getByText("Reconnecting…")).toBeVisible();
  const reply = "Sorry for the wait, I am looking at your order now.";
  await agent.getByRole("textbox", { name: "Reply to the customer" }).fill(reply);
  await agent.getByRole("button", { name: "Send", exact: true }).click();
  const transcript = agent.getByRole("log", { name: "Transcript" });
  await expect(transcript.getByText(reply)).toBeVisible();
  await expect(transcript.getByRole("status")).toHaveText("Sending…");

  // Reloaded while the server is still down (the page cannot even load), then back later.
  await agent.reload().catch(() => undefined);
  await server.restart();
  await agent.goto(`${server.url}/inbox`);
  await (await inList(agent, "Mine", /Asked for a person/)).click();
  await expect(transcript.getByText(reply)).toHaveCount(1, { timeout: 20_000 });
  await expect(transcript.getByText("Sending…")).toHaveCount(0, { timeout: 20_000 });

  const chat = customer.getByRole("log", { name: "Messages" });
  await expect(chat.getByText(reply)).toHaveCount(1, { timeout: 20_000 });
  await agent.reload();
  await (await inList(agent, "Mine", /Asked for a person/)).click();
  await expect(transcript.getByText(reply)).toHaveCount(1);
});

test("when the agent's network drops the inbox says so within 2 s, and the reply goes out once it is back", async ({
  newPerson,
  server,
}) => {
  const { agent, customer } = await agentWithCustomer(newPerson, server);

  await agent.context().setOffline(true);
  await expect(agent.getByText("Reconnecting…")).toBeVisible({ timeout: 2_000 });
  const reply = "Your parcel left our warehouse this morning.";
  await agent.getByRole("textbox", { name: "Reply to the customer" }).fill(reply);
  await agent.getByRole("button", { name: "Send", exact: true }).click();
  const transcript = agent.getByRole("log", { name: "Transcript" });
  await expect(transcript.getByRole("status")).toHaveText("Sending…");

  await agent.context().setOffline(false);
  await expect(transcript.getByText("Sending…")).toHaveCount(0, { timeout: 10_000 });
  await expect(customer.getByRole("log", { name: "Messages" }).getByText(reply)).toHaveCount(1);
});
