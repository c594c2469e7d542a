import { startServerProcess } from "../server/server-process.ts";
import { startSmtpInbox } from "../server/test-smtp.ts";
import { expect, inList, openChat, sendMessage, signInAgent, test } from "./fixtures.ts";

test("at the end of a conversation the customer has it emailed, in their language", async ({
  newPerson,
}) => {
  const smtp = await startSmtpInbox();
  const server = await startServerProcess({ SMTP_URL: smtp.url });
  try {
    const agent = await newPerson();
    await signInAgent(agent, server);
    const customer = await newPerson();
    await customer.goto(`${server.url}/?lang=pl`);
    await customer.getByRole("button", { name: "Otwórz czat" }).click();
    await customer
      .getByRole("textbox", { name: "Wiadomość" })
      .fill("Paczka przyszła uszkodzona, co teraz?");
    await customer.getByRole("button", { name: "Wyślij", exact: true }).click();

    await (await inList(agent, "Mine", /Paczka przyszła uszkodzona/)).click();
    await agent
      .getByRole("textbox", { name: "Reply to the customer" })
      .fill("Przykro nam! Wyślemy nową.");
    await agent.getByRole("button", { name: "Send", exact: true }).click();
    await agent.getByRole("button", { name: "Resolve" }).click();

    await customer.getByText("Wyślij mi tę rozmowę e-mailem").click();
    const form = customer.getByRole("form", { name: "Wyślij mi tę rozmowę e-mailem" });
    await form.getByRole("textbox", { name: "Twój adres e-mail" }).fill("ola@example.pl");
    await form.getByRole("button", { name: "Wyślij" }).click();
    await expect(
      customer.getByText("Wysłaliśmy tę rozmowę na adres ola@example.pl."),
    ).toBeVisible();
    await expect.poll(() => smtp.received.length).toBe(1);
    expect(smtp.received[0]?.to).toEqual(["ola@example.pl"]);
    expect(smtp.received[0]?.raw).toContain("Przykro nam! Wyślemy nową.");
  } finally {
    await server.stop();
    await smtp.close();
  }
});
