import { readFile } from "node:fs/promises";
import { expect, inList, openChat, sendMessage, signInAgent, test } from "./fixtures.ts";
import { widgetTexts } from "./widget-texts.ts";

test("an admin reads the bot's and the people's figures of today's conversations, in the tables and the CSV", async ({
  newPerson,
  server,
}) => {
  // One customer thanks the bot for its answer and rates it.
  const thankful = await newPerson();
  await openChat(thankful, server);
  await sendMessage(thankful, "What are your opening hours?");
  await expect(thankful.getByText(widgetTexts("en").automatic).first()).toBeVisible();
  await sendMessage(thankful, "Thank you, that helped!");
  const rating = thankful.getByRole("group", { name: "How did we do?" });
  await rating.getByRole("radio", { name: "5 out of 5: Excellent" }).check();
  await thankful.getByRole("textbox", { name: /Anything you want to add/ }).fill("Lovely");
  await thankful.getByRole("button", { name: "Send rating" }).click();
  await expect(thankful.getByText("Thank you for your feedback.")).toBeVisible();

  // Another was charged twice: a person answers, resolves, and gets a low rating.
  const charged = await newPerson();
  await openChat(charged, server);
  await sendMessage(charged, "I was charged twice for my order");
  const admin = await newPerson();
  await signInAgent(admin, server);
  await (await inList(admin, "Mine", /Financial/)).click();
  await admin.getByRole("textbox", { name: "Reply to the customer" }).fill("Sorry, refunding now.");
  await admin.getByRole("button", { name: "Send", exact: true }).click();
  await expect(charged.getByRole("log", { name: "Messages" })).toContainText("refunding now");
  await admin.getByRole("button", { name: "Resolve" }).click();
  await charged
    .getByRole("group", { name: "How did we do?" })
    .getByRole("radio", { name: "2 out of 5: Bad" })
    .check();
  await charged.getByRole("textbox", { name: /Anything you want to add/ }).fill("Too slow");
  await charged.getByRole("button", { name: "Send rating" }).click();
  await expect(charged.getByText("Thank you for your feedback.")).toBeVisible();

  await admin.getByRole("button", { name: "Reports" }).click();
  await admin.getByRole("combobox", { name: "Period" }).selectOption("Last 7 days");
  // Thanks count as the bot's resolution only once they stood for a day: today it is open.
  const bot = admin.getByRole("table", { name: "The bot" });
  await expect(bot.getByRole("rowheader")).toHaveText(["2"]);
  await expect(bot.getByRole("cell")).toHaveText(["0", "1", "1", "50%"]);
  const reasons = admin.getByRole("table", { name: "Handoffs by reason" });
  await expect(reasons.getByRole("row", { name: /Financial/ })).toBeVisible();
  await expect(admin.getByText("No answer failed in this period.")).toBeVisible();

  const csat = admin.getByRole("table", { name: "Satisfaction", exact: true });
  await expect(
    csat
      .getByRole("row", { name: /Bot alone/ })
      .getByRole("cell")
      .first(),
  ).toHaveText("1");
  await expect(
    csat
      .getByRole("row", { name: /Bot alone/ })
      .getByRole("cell")
      .nth(1),
  ).toHaveText("5");
  await expect(
    csat
      .getByRole("row", { name: /With a person/ })
      .getByRole("cell")
      .nth(1),
  ).toHaveText("2");
  const comments = admin.getByRole("table", { name: "Comments" });
  await expect(comments).toContainText("Lovely");
  await expect(comments).toContainText("Too slow");
  const agents = admin.getByRole("table", { name: "Agents" });
  await expect(agents.getByRole("row", { name: /Admin/ }).getByRole("cell").first()).toHaveText(
    "1",
  );

  const download = admin.waitForEvent("download");
  await admin.getByRole("link", { name: "Every conversation of the period (CSV)" }).click();
  const csv = await readFile(String(await (await download).path()), "utf8");
  const lines = csv.trim().split("\n");
  expect(lines).toHaveLength(3);
  expect(lines.find((line) => line.includes("financial"))).toMatch(
    /,handed_off,.*,Admin,2,Too slow$/,
  );
  expect(lines.find((line) => line.includes("Lovely"))).toMatch(/,1,open,.*,5,Lovely$/);

  const tableCsv = admin.waitForEvent("download");
  await admin.getByRole("button", { name: "Download CSV: Comments" }).click();
  expect(await readFile(String(await (await tableCsv).path()), "utf8")).toContain("Too slow");

  // A conversation in the comments (the newest first) opens in the inbox.
  await comments
    .getByRole("button", { name: /Open conversation/ })
    .first()
    .click();
  await expect(admin.getByRole("log", { name: "Transcript" })).toContainText("refunding now");
});
