import { createRequire } from "node:module";
import type { Page } from "@playwright/test";
import { expect, openChat, sendMessage, signInAgent, test } from "./fixtures.ts";
import { widgetTexts } from "./widget-texts.ts";

const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
const LANGUAGES = ["en", "pl", "zh", "sv", "lv", "he"];

/** Serious and critical axe-core violations on the page as it is now, shadow roots included. */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const axe = (
      globalThis as unknown as { axe: { run(): Promise<{ violations: AxeViolation[] }> } }
    ).axe;
    return (await axe.run()).violations;
  });
  return violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(" ")}`);
}

interface AxeViolation {
  id: string;
  impact: string | null;
  nodes: { target: unknown }[];
}

// axe-core is added as a script tag, which our own pages' CSP would rightly refuse.
test.use({ bypassCSP: true });

for (const lang of LANGUAGES) {
  test(`the demo page with the chat open in ${lang} has no serious accessibility violation`, async ({
    newPerson,
    server,
  }) => {
    const texts = widgetTexts(lang);
    const customer = await newPerson();
    await customer.goto(`${server.url}/?lang=${lang}`);
    await customer.getByRole("button", { name: texts.openChat }).click();
    await customer.getByRole("textbox", { name: texts.message }).fill("Do you ship abroad?");
    await customer.getByRole("button", { name: texts.send, exact: true }).click();
    await expect(customer.getByText(texts.automatic).first()).toBeVisible();
    expect(await seriousViolations(customer)).toEqual([]);
  });
}

test("the inbox with a conversation open has no serious accessibility violation", async ({
  newPerson,
  server,
}) => {
  const customer = await newPerson();
  await openChat(customer, server);
  await sendMessage(customer, "I was charged twice for my order");
  const agent = await newPerson();
  await signInAgent(agent, server);
  await agent.getByRole("tab", { name: /^Mine/ }).click();
  await agent.getByRole("tabpanel", { name: "Mine" }).getByRole("button").first().click();
  await expect(agent.getByRole("log", { name: "Transcript" })).toBeVisible();
  expect(await seriousViolations(agent)).toEqual([]);
});

test("the reports screen, charts and tables, has no serious accessibility violation", async ({
  newPerson,
  server,
}) => {
  const customer = await newPerson();
  await openChat(customer, server);
  await sendMessage(customer, "I was charged twice for my order");
  const admin = await newPerson();
  await signInAgent(admin, server);
  await admin.getByRole("button", { name: "Reports" }).click();
  await expect(admin.getByRole("table", { name: "Handoffs by weekday and hour" })).toBeVisible();
  expect(await seriousViolations(admin)).toEqual([]);
});

test.describe("in the dark, with reduced motion", () => {
  test.use({ colorScheme: "dark", reducedMotion: "reduce" });

  test("the panel follows the system's dark scheme, does not animate, and keeps its contrast", async ({
    newPerson,
    server,
  }) => {
    const customer = await newPerson();
    await openChat(customer, server);
    await sendMessage(customer, "Do you ship abroad?");
    await expect(customer.getByText(/We ship to every EU country/)).toBeVisible();
    const panel = customer.getByRole("region", { name: "Chat with us" });
    const look = await panel.evaluate((element) => {
      const style = getComputedStyle(element);
      return { background: style.backgroundColor, animation: style.animationName };
    });
    expect(look).toEqual({ background: "rgb(28, 31, 29)", animation: "none" });
    expect(await seriousViolations(customer)).toEqual([]);
  });
});
