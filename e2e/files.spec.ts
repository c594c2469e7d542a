import type { Page } from "@playwright/test";
import sharp from "sharp";
import { expect, inList, openChat, signInAgent, test } from "./fixtures.ts";

/** What the browser puts on the clipboard when one takes a screenshot: a PNG without a name. */
async function pasteScreenshot(page: Page, box: string): Promise<void> {
  const png = await sharp({
    create: { width: 320, height: 200, channels: 3, background: "#2a6fdb" },
  })
    .png()
    .toBuffer();
  await page.getByRole("textbox", { name: box }).evaluate(
    (element, bytes) => {
      const clipboard = new DataTransfer();
      clipboard.items.add(new File([new Uint8Array(bytes)], "image.png", { type: "image/png" }));
      element.focus();
      element.dispatchEvent(
        new ClipboardEvent("paste", { clipboardData: clipboard, bubbles: true, cancelable: true }),
      );
    },
    [...png],
  );
}

const RETURN_LABEL = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);

test("a customer pastes a screenshot; the agent sees it and answers with a PDF", async ({
  newPerson,
  server,
}) => {
  const customer = await newPerson();
  const agent = await newPerson();
  const loaded: string[] = [];
  customer.on("request", (request) => loaded.push(request.url()));
  await signInAgent(agent, server);
  await openChat(customer, server);

  // Nothing of the upload code is loaded until the customer attaches something.
  expect(loaded.filter((url) => url.includes("/widget/chunks/upload-"))).toEqual([]);
  const uploadChunk = customer.waitForRequest(/\/widget\/chunks\/upload-/);
  await pasteScreenshot(customer, "Message");
  await uploadChunk;
  const tray = customer.getByRole("list", { name: "Files to send" });
  await expect(tray.getByText("image.png")).toBeVisible();
  await customer.getByRole("textbox", { name: "Message" }).fill("The mug arrived like this");
  await customer.getByRole("button", { name: "Send", exact: true }).click();
  const chat = customer.getByRole("log", { name: "Messages" });
  await expect(chat.getByRole("img", { name: "image.png" })).toBeVisible();
  await expect(tray).toHaveCount(0);

  // The bot does not look at pictures: a person gets it, with the picture in the transcript.
  await expect(chat.getByText("Admin joined the conversation.")).toBeVisible();
  await (await inList(agent, "Mine", /The mug arrived like this/)).click();
  const transcript = agent.getByRole("log", { name: "Transcript" });
  const picture = transcript.getByRole("img", { name: "image.png" });
  await expect(picture).toBeVisible();
  expect(await picture.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBe(320);

  const chooser = agent.waitForEvent("filechooser");
  await agent.getByRole("button", { name: "Attach files" }).click();
  await (await chooser).setFiles({
    name: "Return label.pdf",
    mimeType: "application/pdf",
    buffer: RETURN_LABEL,
  });
  await expect(agent.getByRole("list", { name: "Files to send" })).toContainText(
    "Return label.pdf",
  );
  await agent
    .getByRole("textbox", { name: "Reply to the customer" })
    .fill("Sorry! Print this label and send it back; a new mug is on its way.");
  await agent.getByRole("button", { name: "Send", exact: true }).click();

  const label = chat.getByRole("link", { name: /Return label\.pdf/ });
  await expect(label).toBeVisible();
  const download = customer.waitForEvent("download");
  await label.click();
  expect((await download).suggestedFilename()).toBe("Return label.pdf");
  await customer.screenshot({ path: "test-results/files-customer.png" });
  await agent.screenshot({ path: "test-results/files-agent.png" });
});
