import { startServerProcess } from "../server/server-process.ts";
import { companySite } from "./company-site.ts";
import { expect, openChat, sendMessage, test } from "./fixtures.ts";
import { widgetTexts } from "./widget-texts.ts";

const he = widgetTexts("he");

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test("the panel fills the screen and nothing scrolls sideways", async ({
    newPerson,
    server,
  }, testInfo) => {
    const customer = await newPerson();
    await openChat(customer, server);
    await sendMessage(customer, "Do you ship abroad?");
    await expect(customer.getByText(/We ship to every EU country/)).toBeVisible();
    // A word longer than the screen is wide: it must wrap, not push the panel sideways.
    const long = "Averyveryverylongwordwithoutspaces".repeat(4);
    await sendMessage(customer, long);
    await expect(customer.getByText(long)).toBeVisible();

    const panel = customer.getByRole("region", { name: "Chat with us" });
    expect(await panel.boundingBox()).toEqual({ x: 0, y: 0, width: 390, height: 844 });
    const overflow = await customer.evaluate(() => {
      const root = document.querySelector("[data-human-first-chat]")?.shadowRoot;
      const sideways = [...(root?.querySelectorAll("*") ?? [])].filter(
        (element) => element.scrollWidth > element.clientWidth + 1 && element.clientWidth > 0,
      );
      return {
        page: document.documentElement.scrollWidth - window.innerWidth,
        inPanel: sideways.map((element) => element.className || element.tagName),
      };
    });
    expect(overflow).toEqual({ page: 0, inPanel: [] });
    // The message box is on screen, above where an on-screen keyboard opens.
    const box = await customer.getByRole("textbox", { name: "Message" }).boundingBox();
    expect((box?.y ?? 0) + (box?.height ?? 0)).toBeLessThanOrEqual(844);
    await testInfo.attach("phone", { body: await customer.screenshot(), contentType: "image/png" });
  });

  test("a panel the company put on the left fills the screen too, in Hebrew", async ({
    newPerson,
  }) => {
    const site = await companySite({ data: { position: "left", lang: "he", color: "#7a2e8c" } });
    const server = await startServerProcess({ ALLOWED_ORIGINS: site.origin });
    site.chatUrl = server.url;
    try {
      const customer = await newPerson();
      await customer.goto(`${site.origin}/`);
      const launcher = customer.getByRole("button", { name: he.openChat });
      expect((await launcher.boundingBox())?.x).toBe(20);
      await launcher.click();
      const panel = customer.getByRole("region", { name: he.title });
      await expect(panel).toHaveAttribute("dir", "rtl");
      // Polled: the panel slides in for a sixth of a second.
      await expect.poll(() => panel.boundingBox()).toEqual({ x: 0, y: 0, width: 390, height: 844 });
      expect(await customer.evaluate(() => document.documentElement.scrollWidth)).toBe(390);
      const header = await customer
        .getByRole("heading", { name: he.title })
        .evaluate(
          (heading) => getComputedStyle(heading.closest("header") as Element).backgroundColor,
        );
      expect(header).toBe("rgb(122, 46, 140)");
    } finally {
      await server.stop();
      site.server.close();
    }
  });
});

test("the widget keeps its own look on a page with aggressive CSS and a strict CSP", async ({
  newPerson,
}) => {
  const site = await companySite({
    css: `* { all: unset; } html { font-size: 40px; } body { direction: rtl; font-size: 48px;
      line-height: 3; font-family: cursive; color: red; } div, button, section { display: inline; }`,
  });
  const server = await startServerProcess({ ALLOWED_ORIGINS: site.origin });
  site.chatUrl = server.url;
  try {
    const customer = await newPerson();
    await customer.addInitScript({
      content: `window.__violations = [];
        document.addEventListener("securitypolicyviolation", (event) =>
          window.__violations.push(event.violatedDirective + " " + event.blockedURI));`,
    });
    await customer.goto(`${site.origin}/`);
    const launcher = customer.getByRole("button", { name: "Open chat" });
    const size = await launcher.boundingBox();
    expect([size?.width, size?.height]).toEqual([60, 60]);
    await launcher.click();

    const message = customer.getByRole("textbox", { name: "Message" });
    expect(await message.evaluate((box) => getComputedStyle(box).fontSize)).toBe("15px");
    const panel = customer.getByRole("region", { name: "Chat with us" });
    expect(await panel.evaluate((box) => getComputedStyle(box).direction)).toBe("ltr");
    expect((await panel.boundingBox())?.width).toBeLessThanOrEqual(380);

    await sendMessage(customer, "What are your opening hours?");
    await expect(customer.getByText(/Monday to Friday/)).toBeVisible();
    expect(await customer.evaluate("window.__violations")).toEqual([]);
  } finally {
    await server.stop();
    site.server.close();
  }
});
