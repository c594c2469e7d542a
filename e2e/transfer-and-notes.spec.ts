import { addAgent, expect, inList, openChat, signInAgent, test } from "./fixtures.ts";

const NOTE = "Checked the order: paid twice on 3 May. Refund to the original card.";
const TRANSFER_NOTE = "Billing question after all, over to you.";

test("an internal note never reaches the customer, and a transfer moves the conversation with its note", async ({
  newPerson,
  server,
}) => {
  const admin = await newPerson();
  await signInAgent(admin, server);
  const billCredentials = await addAgent(admin, server, { name: "Bill", skills: ["billing"] });

  const customer = await newPerson();
  await openChat(customer, server);
  await customer.getByRole("button", { name: "Talk to a person" }).click();
  const chat = customer.getByRole("log", { name: "Messages" });
  await expect(chat.getByText("Admin joined the conversation.")).toBeVisible();

  await (await inList(admin, "Mine", /Asked for a person/)).click();
  await admin.getByRole("radio", { name: "Internal note" }).check();
  await admin.getByRole("textbox", { name: "Internal note (colleagues only)" }).fill(NOTE);
  await admin.getByRole("button", { name: "Add note" }).click();
  const transcript = admin.getByRole("log", { name: "Transcript" });
  await expect(transcript.getByText(NOTE)).toBeVisible();
  await expect(transcript.getByText("Internal note · Admin")).toBeVisible();

  const bill = await newPerson();
  await signInAgent(bill, server, billCredentials);
  await expect(admin.getByText("Agents online: 2")).toBeVisible();
  await admin.getByRole("button", { name: "Transfer" }).click();
  const dialog = admin.getByRole("dialog", { name: /Transfer conversation/ });
  await dialog.getByLabel("To").selectOption({ label: "Bill (Online, 0/5)" });
  await dialog.getByLabel("Note for whoever takes it").fill(TRANSFER_NOTE);
  await dialog.getByRole("button", { name: "Transfer" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "Passed to Bill." })).toBeVisible();

  await (await inList(bill, "Mine", /Asked for a person/)).click();
  const billTranscript = bill.getByRole("log", { name: "Transcript" });
  await expect(billTranscript.getByText(TRANSFER_NOTE)).toBeVisible();
  await expect(billTranscript.getByText(NOTE)).toBeVisible();
  await expect(
    chat.getByText("Your conversation was passed to a colleague who can help."),
  ).toBeVisible();
  await bill.getByRole("textbox", { name: "Reply to the customer" }).fill("Hi, Bill here.");
  await bill.getByRole("button", { name: "Send", exact: true }).click();
  await expect(chat.getByText("Hi, Bill here.")).toBeVisible();

  // Neither note ever reached the widget, not even after a reload from the server.
  // The panel was open, so it opens again by itself after the reload.
  await customer.reload();
  await expect(chat.getByText("Hi, Bill here.")).toBeVisible();
  await expect(chat).not.toContainText("paid twice");
  await expect(chat).not.toContainText(TRANSFER_NOTE);
});
