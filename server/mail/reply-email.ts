import { type ConversationSummary, format, type WireMessage } from "../../protocol/index.ts";
import type { Presence } from "../presence.ts";
import type { Mail } from "./mailer.ts";
import type { MailOutbox } from "./outbox.ts";
import TEXTS from "./reply-texts.json" with { type: "json" };

type Language = keyof typeof TEXTS;

/**
 * An agent's reply to a customer who has left (no widget open) goes to the email they left,
 * or the one the company's page verified. Without SMTP configured there is no outbox, nothing
 * is sent, and the inbox says so.
 */
export function emailReplies(outbox: MailOutbox | undefined, customers: Presence) {
  return (conversation: ConversationSummary, reply: WireMessage): void => {
    if (!outbox || customers.has(conversation.visitorId)) return;
    const mail = replyEmail(conversation, reply);
    if (!mail) return;
    outbox.send({ ...mail, conversationId: conversation.id }).catch((error: unknown) => {
      console.error("reply email not queued", { conversationId: conversation.id }, error);
    });
  };
}

/**
 * An agent's reply as an email, worded around it in the customer's language (the one their
 * handoff was written in), with a way back to the chat. Undefined without an address.
 */
export function replyEmail(
  conversation: ConversationSummary,
  reply: WireMessage,
): Mail | undefined {
  const to = conversation.contactEmail ?? conversation.customer?.email;
  if (!to) return undefined;
  const texts = TEXTS[isLanguage(conversation.language) ? conversation.language : "en"];
  const name = reply.authorName ?? texts.team;
  const way = conversation.page
    ? format(texts.answerAt, { url: conversation.page.url })
    : texts.answerHere;
  return { to, subject: format(texts.subject, { name }), text: `${reply.text}\n\n-- \n${way}` };
}

function isLanguage(code: string | undefined): code is Language {
  return code !== undefined && Object.hasOwn(TEXTS, code);
}
