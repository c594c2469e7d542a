import { startServerProcess } from "../server/server-process.ts";
import { startSmtpInbox } from "../server/test-smtp.ts";
import { expect, inList, openChat, sendMessage, signInAgent, test } from "./fixtures.ts";

test("with nobody online the widget says so at once and takes an email; a later reply arrives by email", async ({
  newPerson,
}) => {
  const smtp = await startSmtpInbox();
  const server = await startServerProcess({ SMTP_URL: smtp.url });
  try {
    const customer = await newPerson();
    await openChat(customer, server);
    // Before the customer writes anything.
    await expect(
      customer.getByText(
        "No one from our team is online right now. We will answer here as soon as someone is back.",
      ),
    ).toBeVisible();
    await customer.getByRole("button", { name: "Get the answer by email" }).click();
    await expect(customer.getByRole("textbox", { name: "Your email" })).toBeFocused();
    await customer.getByRole("textbox", { name: "Your email" }).fill("not an address");
    await customer.getByRole("button", { name: "Save email" }).click();
    await expect(customer.getByRole("alert")).toHaveText("Please enter a valid email address.");
    await customer.getByRole("textbox", { name: "Your email" }).fill("ada@example.com");
    await customer.getByRole("button", { name: "Save email" }).click();
    await expect(customer.getByText("We will reply to ada@example.com.")).toBeVisible();

    await sendMessage(customer, "I was charged twice for my order, please help");
    // Waiting for a team that is not there: when it answers, not a place in line and a wait.
    await expect(customer.getByRole("status").first()).toHaveText(
      "Your conversation waits for our team. A person answers when we are back.",
    );
    await expect(customer.getByText(/in line/)).toHaveCount(0);
    await expect(customer.getByRole("button", { name: "A person is on the way" })).toHaveCount(0);
    // The customer leaves; the conversation stays in the queue.
    await customer.close();

    const agent = await newPerson();
    await signInAgent(agent, server);
    await (await inList(agent, "Mine", /charged twice/)).click();
    await expect(agent.getByRole("link", { name: "ada@example.com" })).toBeVisible();
    await expect(
      agent.getByText(/emailed to the customer while their chat is closed/),
    ).toBeVisible();
    await agent
      .getByRole("textbox", { name: "Reply to the customer" })
      .fill("We refunded the second charge today.");
    await agent.getByRole("button", { name: "Send", exact: true }).click();

    await expect.poll(() => smtp.received.length, { timeout: 10_000 }).toBe(1);
    const [mail] = smtp.received;
    expect(mail?.to).toEqual(["ada@example.com"]);
    expect(mail?.raw).toContain("We refunded the second charge today.");
  } finally {
    await server.stop();
    await smtp.close();
  }
});
