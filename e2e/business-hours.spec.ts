import { expect, openChat, signInAgent, test } from "./fixtures.ts";

test.use({ timezoneId: "UTC", locale: "en-GB" });

test("outside the business hours an admin set, the widget says the team is closed and when it is back", async ({
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
  await form.getByRole("combobox", { name: "Time zone" }).selectOption("UTC");
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
  await expect(customer.getByRole("textbox", { name: "Your email" })).toBeVisible();
});
