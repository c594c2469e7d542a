import assert from "node:assert/strict";
import { test } from "node:test";
import type { ConversationSummary, WireMessage } from "../../protocol/index.ts";
import { replyEmail } from "./reply-email.ts";

const conversation: ConversationSummary = {
  id: 7,
  visitorId: 3,
  status: "assigned",
  priority: 1,
  lastSeq: 4,
  customerMessages: 1,
  createdAt: 0,
  updatedAt: 0,
};
const reply: WireMessage = {
  seq: 4,
  author: "agent",
  text: "Your refund is on its way.",
  at: 0,
  authorName: "Bill",
};

/** The company allowed shop.example for the widget. */
const allowed = (origin: string) => origin === "https://shop.example";

test("no address, no email", () => {
  assert.equal(replyEmail(conversation, reply, allowed), undefined);
});

test("an address that is not one plain mailbox gets no email", () => {
  for (const to of [
    "ada@example.com\r\nBcc: all@example.com",
    "ada@example.com, eve@example.com",
    "Ada <ada@example.com>",
    "ada@example.com;eve@example.com",
  ]) {
    assert.equal(replyEmail({ ...conversation, contactEmail: to }, reply, allowed), undefined, to);
    const given = { ...conversation, customer: { email: to } };
    assert.equal(replyEmail(given, reply, allowed), undefined, to);
  }
});

test("the way back links only a page on a site the company allowed", () => {
  for (const url of [
    "https://shop-example.evil/cart",
    "https://shop.example.evil/login",
    "javascript:alert(1)",
    "not a url",
  ]) {
    const page = { url, title: "Cart" };
    const mail = replyEmail({ ...conversation, contactEmail: "a@b.example", page }, reply, allowed);
    assert.match(mail?.text ?? "", /You can answer in the chat on our website\.$/, url);
  }
});

test("the reply goes to the address the customer left, with the way back to the chat", () => {
  const mail = replyEmail(
    {
      ...conversation,
      contactEmail: "ada@example.com",
      page: { url: "https://shop.example/cart", title: "Cart" },
    },
    reply,
    allowed,
  );
  assert.deepEqual(mail, {
    to: "ada@example.com",
    subject: "Bill replied to your message",
    text: "Your refund is on its way.\n\n-- \nYou can answer in the chat: https://shop.example/cart",
  });
});

test("worded in the customer's language; English for one we have no words for", () => {
  const hebrew = replyEmail(
    { ...conversation, contactEmail: "a@b.example", language: "he" },
    reply,
    allowed,
  );
  assert.equal(hebrew?.subject, "התקבלה תשובה מBill");
  assert.match(hebrew?.text ?? "", /אפשר להשיב בצ'אט באתר שלנו\.$/);
  const unknown = replyEmail(
    { ...conversation, customer: { email: "v@b.example" }, language: "und" },
    reply,
    allowed,
  );
  assert.equal(unknown?.subject, "Bill replied to your message");
  assert.equal(unknown?.to, "v@b.example");
});
