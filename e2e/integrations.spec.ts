import { expect, openChat, sendMessage, signInAgent, test } from "./fixtures.ts";

test("an admin connects a receiver, watches its deliveries, and issues and revokes an API token", async ({
  newPerson,
  server,
}) => {
  const admin = await newPerson();
  await signInAgent(admin, server);
  await admin.getByRole("button", { name: "Integrations" }).click();

  // An address nothing answers at: the delivery log shows it failing, with the next try.
  const webhooks = admin.getByRole("region", { name: "Webhooks" });
  await webhooks.getByRole("textbox", { name: "Address" }).fill("http://127.0.0.1:9/hooks/chat");
  await webhooks.getByRole("textbox", { name: "Note" }).fill("Our CRM");
  await webhooks.getByRole("button", { name: "Add endpoint" }).click();
  await expect(webhooks.getByText("http://127.0.0.1:9/hooks/chat")).toBeVisible();
  await webhooks.getByText("Signing secret").click();
  await expect(webhooks.getByText(/^whsec_/)).toBeVisible();

  const customer = await newPerson();
  await openChat(customer, server);
  await sendMessage(customer, "What are your opening hours?");
  const log = webhooks.getByRole("table", { name: "Recent deliveries" });
  await expect(async () => {
    await webhooks.getByRole("button", { name: "Refresh" }).click();
    await expect(log.getByRole("row").filter({ hasText: "conversation.created" })).toContainText(
      /Failing: .*private address|Failing: .*ECONNREFUSED/,
      { timeout: 1000 },
    );
  }).toPass({ timeout: 15_000 });
  await webhooks.getByRole("button", { name: "Pause" }).click();
  await expect(webhooks.getByText("Paused")).toBeVisible();

  // A token for the CRM: shown once, then revoked, after which it opens nothing.
  const tokens = admin.getByRole("region", { name: "API tokens" });
  await tokens.getByRole("textbox", { name: "Name" }).fill("CRM sync");
  await tokens.getByRole("checkbox", { name: "conversations:reply" }).check();
  await tokens.getByRole("button", { name: "Create token" }).click();
  const shown = tokens.getByRole("status").locator("code");
  await expect(shown).toHaveText(/^hfc_/);
  const token = (await shown.textContent()) ?? "";
  const list = await fetch(`${server.url}/api/v1/conversations`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(list.status).toBe(200);
  await admin.screenshot({ path: "test-results/integrations.png", fullPage: true });
  await tokens.getByRole("button", { name: "Revoke: CRM sync" }).click();
  await expect(tokens.getByText(/^Revoked /)).toBeVisible();
  const after = await fetch(`${server.url}/api/v1/conversations`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(after.status).toBe(401);
});
