import { DEMO_FAQ } from "../server/demo/faq.ts";
import { companySite } from "./company-site.ts";
import { expect, openChat, sendMessage, test } from "./fixtures.ts";
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

test("a Polish question is answered in Polish, whatever the page's language", async ({
  newPerson,
  server,
}) => {
  const [hours] = DEMO_FAQ.pl;
  const customer = await newPerson();
  await openChat(customer, server);
  await sendMessage(customer, "Jakie są godziny otwarcia?");
  await expect(
    customer.getByRole("log", { name: "Messages" }).getByText(hours?.answer ?? ""),
  ).toBeVisible();
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
