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

test("no address, no email", () => {
  assert.equal(replyEmail(conversation, reply), undefined);
});

test("the reply goes to the address the customer left, with the way back to the chat", () => {
  const mail = replyEmail(
    {
      ...conversation,
      contactEmail: "ada@example.com",
      page: { url: "https://shop.example/cart", title: "Cart" },
    },
    reply,
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
  );
  assert.equal(hebrew?.subject, "התקבלה תשובה מBill");
  assert.match(hebrew?.text ?? "", /אפשר להשיב בצ'אט באתר שלנו\.$/);
  const unknown = replyEmail(
    { ...conversation, customer: { email: "v@b.example" }, language: "und" },
    reply,
  );
  assert.equal(unknown?.subject, "Bill replied to your message");
  assert.equal(unknown?.to, "v@b.example");
});
