import { expect, test } from "./fixtures.ts";

test("a whole conversation with the keyboard only: open, write, send, close with Escape", async ({
  newPerson,
  server,
}) => {
  const customer = await newPerson();
  await customer.goto(`${server.url}/`);
  const launcher = customer.getByRole("button", { name: "Open chat" });
  // Tab through the shop's links until the launcher has focus.
  for (let presses = 0; presses < 30; presses += 1) {
    await customer.keyboard.press("Tab");
    if (await launcher.evaluate((button) => button.matches(":focus"))) break;
  }
  await expect(launcher).toBeFocused();
  await customer.keyboard.press("Enter");

  const message = customer.getByRole("textbox", { name: "Message" });
  await expect(message).toBeFocused();
  await customer.keyboard.type("Do you ship abroad?");
  await customer.keyboard.press("Enter");
  const log = customer.getByRole("log", { name: "Messages" });
  await expect(log).toHaveAttribute("aria-live", "polite");
  await expect(log.getByText(/We ship to every EU country/)).toBeVisible();

  // Tab reaches the panel's own buttons, and focus is visibly marked.
  await customer.keyboard.press("Shift+Tab");
  const person = customer.getByRole("button", { name: "Talk to a person" });
  await expect(person).toBeFocused();
  expect(await person.evaluate((button) => getComputedStyle(button).outlineStyle)).toBe("solid");

  await customer.keyboard.press("Escape");
  await expect(message).toBeHidden();
  await expect(customer.getByRole("button", { name: "Open chat" })).toBeFocused();
});
