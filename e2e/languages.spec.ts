import { DEMO_FAQ } from "../server/demo/faq.ts";
import { companySite } from "./company-site.ts";
import { expect, openChat, sendMessage, signInAgent, test } from "./fixtures.ts";
import { widgetTexts } from "./widget-texts.ts";

test("a Hebrew visitor gets a right-to-left panel in Hebrew and the Hebrew FAQ answer", async ({
  newPerson,
  server,
}) => {
  const he = widgetTexts("he");
  const [hours] = DEMO_FAQ.he;
  const customer = await newPerson();
  await customer.goto(`${server.url}/?lang=he`);
  await customer.getByRole("button", { name: he.openChat }).click();
  const panel = customer.getByRole("region", { name: he.title });
  await expect(panel).toHaveAttribute("dir", "rtl");
  await expect(panel.getByRole("heading", { name: he.title })).toBeVisible();
  await expect(panel.getByRole("button", { name: he.talkToPerson })).toBeVisible();

  await customer.getByRole("textbox", { name: he.message }).fill(hours?.questions[0] ?? "");
  await customer.getByRole("button", { name: he.send, exact: true }).click();
  const log = customer.getByRole("log", { name: he.messages });
  await expect(log.getByText(hours?.answer ?? "")).toBeVisible();
  await expect(log.getByText(he.automatic)).toBeVisible();
  // Each message sets its own direction, so Latin text inside Hebrew reads right.
  await expect(log.locator("p[dir=auto]").first()).toBeVisible();
});

test("a Polish question is answered in Polish, whatever the page's language, and the panel offers to switch to Polish", async ({
  newPerson,
  server,
}) => {
  const pl = widgetTexts("pl");
  const [hours] = DEMO_FAQ.pl;
  const customer = await newPerson();
  await openChat(customer, server);
  await sendMessage(customer, "Jakie są godziny otwarcia sklepu w weekend?");
  await expect(
    customer.getByRole("log", { name: "Messages" }).getByText(hours?.answer ?? ""),
  ).toBeVisible();
  await customer.getByRole("button", { name: "Switch the chat to polski" }).click();
  const panel = customer.getByRole("region", { name: pl.title });
  await expect(panel).toHaveAttribute("lang", "pl");
  await expect(panel.getByRole("textbox", { name: pl.message })).toBeVisible();
  await expect(customer.getByRole("button", { name: /Switch the chat/ })).toHaveCount(0);
  // The choice is the customer's: it outlasts a reload on an English page.
  await customer.reload();
  await expect(customer.getByRole("region", { name: pl.title })).toHaveAttribute("lang", "pl");
});

test("a Hebrew browser on an English page gets a Hebrew, right-to-left panel; greetings are per language", async ({
  browser,
  newPerson,
  server,
}) => {
  const he = widgetTexts("he");
  const admin = await newPerson();
  await signInAgent(admin, server);
  await admin.getByRole("button", { name: "Settings" }).click();
  const form = admin.getByRole("form", { name: "Widget" });
  await form.getByLabel("Greeting in Polish").fill("Dzień dobry! Jak możemy pomóc?");
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form.getByRole("status")).toHaveText("Saved.");

  const context = await browser.newContext({ locale: "he-IL" });
  try {
    const customer = await context.newPage();
    await customer.goto(`${server.url}/`);
    expect(await customer.evaluate(() => document.documentElement.lang)).toBe("en");
    await customer.getByRole("button", { name: he.openChat }).click();
    const panel = customer.getByRole("region", { name: he.title });
    await expect(panel).toHaveAttribute("dir", "rtl");
    // Not the admin's Polish greeting: the widget's own, in Hebrew.
    await expect(panel.getByText(he.empty)).toBeVisible();
  } finally {
    await context.close();
  }
  const polish = await newPerson();
  await polish.goto(`${server.url}/?lang=pl`);
  await polish.getByRole("button", { name: widgetTexts("pl").openChat }).click();
  await expect(polish.getByText("Dzień dobry! Jak możemy pomóc?")).toBeVisible();
});

test("without data-lang or a page language the widget follows the browser's", async ({
  browser,
  server,
}) => {
  const sv = widgetTexts("sv");
  const site = await companySite({ lang: null });
  site.chatUrl = server.url;
  const context = await browser.newContext({ locale: "sv-SE" });
  try {
    const customer = await context.newPage();
    await customer.goto(`${site.origin}/`);
    await customer.getByRole("button", { name: sv.openChat }).click();
    await expect(customer.getByRole("region", { name: sv.title })).toHaveAttribute("lang", "sv");
  } finally {
    await context.close();
    site.server.close();
  }
});
