import { expect, inList, openChat, sendMessage, signInAgent, test } from "./fixtures.ts";

const CUSTOMER_PAYLOAD =
  '<img src=x onerror="window.__pwned=1"> I want to talk to a person <script>window.__pwned=2</script>';
const AGENT_PAYLOAD =
  '<b onmouseover="window.__pwned=3">Hi</b><iframe src="javascript:alert(1)"></iframe>';

test("markup in messages is shown as text in the widget and in the inbox, never run", async ({
  newPerson,
  server,
}) => {
  const customer = await newPerson();
  const agent = await newPerson();

  await openChat(customer, server);
  await sendMessage(customer, CUSTOMER_PAYLOAD);
  const chat = customer.getByRole("log", { name: "Messages" });
  await expect(chat.getByText(CUSTOMER_PAYLOAD)).toBeVisible();

  await signInAgent(agent, server);
  await (await inList(agent, "Mine", /Asked for a person/)).click();
  const transcript = agent.getByRole("log", { name: "Transcript" });
  await expect(transcript.getByText(CUSTOMER_PAYLOAD)).toBeVisible();
  await agent.getByRole("textbox", { name: "Reply to the customer" }).fill(AGENT_PAYLOAD);
  await agent.getByRole("button", { name: "Send", exact: true }).click();
  await expect(chat.getByText(AGENT_PAYLOAD)).toBeVisible();
  await chat.getByText(AGENT_PAYLOAD).hover();

  for (const page of [customer, agent]) {
    expect(await page.evaluate("window.__pwned")).toBeUndefined();
    await expect(page.getByRole("img")).toHaveCount(0);
    await expect(page.locator("iframe")).toHaveCount(0);
  }
});
