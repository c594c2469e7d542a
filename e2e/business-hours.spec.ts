import { expect, inList, openChat, signInAgent, test } from "./fixtures.ts";

test.use({ timezoneId: "UTC", locale: "en-GB" });

test("outside the business hours the widget says the team is closed and when it is back, until a person answers after hours", async ({
  newPerson,
  server,
}) => {
  const admin = await newPerson();
  await signInAgent(admin, server);
  await admin.getByRole("button", { name: "Settings" }).click();
  const form = admin.getByRole("form", { name: "Widget" });
  // Open only on the day after tomorrow, so it is closed now whatever today is.
  const later = new Date(Date.now() + 2 * 24 * 60 * 60 * 1000);
  const day = later.toLocaleDateString("en", { weekday: "long", timeZone: "UTC" });
  await form.getByRole("combobox", { name: "Time zone" }).fill("UTC");
  await form.getByRole("checkbox", { name: `Open on ${day}` }).check();
  await form.getByLabel(`${day} opens`).fill("09:00");
  await form.getByLabel(`${day} closes`).fill("17:00");
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form.getByRole("status")).toHaveText("Saved.");

  const customer = await newPerson();
  await openChat(customer, server);
  // Someone is signed in, but it is outside the hours: said before the customer writes.
  const notice = customer.getByRole("status").filter({ hasText: "We are closed right now" });
  await expect(notice).toContainText(`We are back ${day} 09:00.`);
  await expect(customer.getByRole("button", { name: "Get the answer by email" })).toBeVisible();
  // The header does not promise a person one click away.
  await expect(customer.getByRole("status").first()).toHaveText(
    "Our assistant answers simple questions. Our team is away right now.",
  );

  // The admin answers anyway: the customer is with a person, so nothing says "closed" any more.
  await customer.getByRole("button", { name: "Talk to a person" }).click();
  await admin.getByRole("button", { name: "Conversations" }).click();
  await (await inList(admin, "Mine", /Asked for a person/)).click();
  await admin.getByRole("textbox", { name: "Reply to the customer" }).fill("I am here after all.");
  await admin.getByRole("button", { name: "Send", exact: true }).click();
  await expect(customer.getByText("I am here after all.")).toBeVisible();
  await expect(customer.getByRole("status").first()).toHaveText("You are chatting with Admin.");
  await expect(customer.getByText(/We are closed/)).toHaveCount(0);
  await expect(customer.getByRole("button", { name: /person/ })).toHaveCount(0);

  // A notice the customer closes stays closed.
  await admin.getByRole("button", { name: "Resolve" }).click();
  await expect(customer.getByRole("status").first()).toHaveText(
    "This conversation is resolved. Write again any time.",
  );
  const closed = customer.getByRole("status").filter({ hasText: "We are closed right now" });
  await expect(closed).toBeVisible();
  await customer.getByRole("button", { name: "Hide this notice" }).click();
  await expect(closed).toHaveCount(0);
});
