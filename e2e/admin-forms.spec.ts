import type { Page } from "@playwright/test";
import { addAgent, expect, signInAgent, test } from "./fixtures.ts";

function widgetForm(admin: Page) {
  return admin.getByRole("form", { name: "Widget" });
}

test("after a save every admin form shows what was stored, and the next save keeps it", async ({
  newPerson,
  server,
}) => {
  const admin = await newPerson();
  await signInAgent(admin, server);
  await admin.getByRole("button", { name: "Settings" }).click();

  const widget = widgetForm(admin);
  await widget.getByLabel("Position").selectOption({ label: "Bottom left" });
  await widget.getByRole("checkbox", { name: "Open on Monday" }).check();
  await widget.getByLabel("Monday opens").fill("08:30");
  await widget.getByRole("button", { name: "Save" }).click();
  await expect(widget.getByRole("status")).toHaveText("Saved.");
  // Whatever redraws the inbox meanwhile (a colleague coming online), the form keeps it.
  const colleague = await newPerson();
  await signInAgent(colleague, server, await addAgent(admin, server, { name: "Cora", skills: [] }));
  await expect(admin.getByText("Agents online: 2")).toBeVisible();
  await expect(widget.getByLabel("Position")).toHaveValue("left");
  await expect(widget.getByLabel("Monday opens")).toHaveValue("08:30");

  // Saving again for another field does not put the earlier ones back.
  await widget.getByLabel("Greeting in English").fill("Hello from the team!");
  // Typed into, not picked from 400 entries.
  await widget.getByRole("combobox", { name: "Time zone" }).fill("Europe/Riga");
  await widget.getByRole("button", { name: "Save" }).click();
  await expect(widget.getByRole("status")).toHaveText("Saved.");

  await admin.getByRole("button", { name: "Team" }).click();
  const me = admin.getByRole("form", { name: "Admin" });
  await me.getByLabel("Capacity").fill("7");
  await me.getByRole("button", { name: "Save" }).click();
  await expect(me.getByLabel("Capacity")).toHaveValue("7");
  await me.getByLabel("Skills (comma-separated)").fill("general, billing");
  await me.getByRole("button", { name: "Save" }).click();
  await expect(me.getByLabel("Skills (comma-separated)")).toHaveValue("general, billing");

  await admin.reload();
  await admin.getByRole("button", { name: "Settings" }).click();
  await expect(widget.getByLabel("Position")).toHaveValue("left");
  await expect(widget.getByRole("checkbox", { name: "Open on Monday" })).toBeChecked();
  await expect(widget.getByLabel("Monday opens")).toHaveValue("08:30");
  await expect(widget.getByLabel("Greeting in English")).toHaveValue("Hello from the team!");
  await expect(widget.getByRole("combobox", { name: "Time zone" })).toHaveValue("Europe/Riga");
  await admin.getByRole("button", { name: "Team" }).click();
  await expect(me.getByLabel("Capacity")).toHaveValue("7");
  await expect(me.getByLabel("Skills (comma-separated)")).toHaveValue("general, billing");
});

test("a time zone that does not exist is refused with the reason, and nothing else is lost", async ({
  newPerson,
  server,
}) => {
  const admin = await newPerson();
  await signInAgent(admin, server);
  await admin.getByRole("button", { name: "Settings" }).click();
  const widget = widgetForm(admin);
  await widget.getByLabel("Greeting in Polish").fill("Dzień dobry!");
  await widget.getByRole("combobox", { name: "Time zone" }).fill("Mars/Olympus");
  await widget.getByRole("button", { name: "Save" }).click();
  await expect(widget.getByText(/The time zone is an IANA name/)).toBeVisible();
  await expect(widget.getByLabel("Greeting in Polish")).toHaveValue("Dzień dobry!");
});
