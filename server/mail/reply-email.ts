import { type ConversationSummary, format, type WireMessage } from "../../protocol/index.ts";
import type { Presence } from "../presence.ts";
import { customerAddress, emailLanguage, emailTexts, filesLine } from "./email-texts.ts";
import type { Mail } from "./mailer.ts";
import type { MailOutbox } from "./outbox.ts";

/**
 * An agent's reply to a customer who has left (no widget open) goes to the email they left,
 * or the one the company's page verified. Without SMTP configured there is no outbox, nothing
 * is sent, and the inbox says so.
 */
export function emailReplies(
  outbox: MailOutbox | undefined,
  customers: Presence,
  trustedOrigin: (origin: string) => boolean,
) {
  return async (conversation: ConversationSummary, reply: WireMessage): Promise<void> => {
    if (!outbox || (await customers.has(conversation.visitorId))) return;
    const mail = replyEmail(conversation, reply, trustedOrigin);
    if (!mail) return;
    await outbox.send({ ...mail, conversationId: conversation.id }).catch((error: unknown) => {
      console.error("reply email not queued", { conversationId: conversation.id }, error);
    });
  };
}

/**
 * An agent's reply as an email, worded around it in the customer's language (the one their
 * handoff was written in), with a way back to the chat. Undefined without one plain mailbox
 * to send to. The page the widget reported is linked only on a site the company allowed (or
 * this server's own public origin): the widget can report any string, a look-alike site too.
 */
export function replyEmail(
  conversation: ConversationSummary,
  reply: WireMessage,
  trustedOrigin: (origin: string) => boolean,
): Mail | undefined {
  const to = customerAddress(conversation);
  if (!to) return undefined;
  const language = emailLanguage(conversation.language);
  const texts = emailTexts(language);
  const name = reply.authorName ?? texts.team;
  const page = trustedPage(conversation.page?.url, trustedOrigin);
  const way = page ? format(texts.answerAt, { url: page }) : texts.answerHere;
  const files = filesLine(reply, language);
  return {
    to,
    subject: format(texts.subject, { name }),
    text: `${reply.text}${files && `\n\n${files}`}\n\n-- \n${way}`.trimStart(),
  };
}

function trustedPage(url: string | undefined, trustedOrigin: (origin: string) => boolean) {
  const page = url && URL.canParse(url) ? new URL(url) : undefined;
  if (!page || (page.protocol !== "https:" && page.protocol !== "http:")) return undefined;
  return trustedOrigin(page.origin) ? page.href : undefined;
}
