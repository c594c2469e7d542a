import type { ConversationSummary, WireMessage } from "../protocol/index.ts";
import type { Mailer } from "./mailer.ts";
import type { Presence } from "./presence.ts";

/**
 * An agent's reply to a customer who has left (no widget open) goes to the email they left,
 * or the one the company's page verified. Without SMTP configured nothing is sent, and the
 * inbox says so.
 */
export function emailReplies(mailer: Mailer | undefined, customers: Presence) {
  return (conversation: ConversationSummary, reply: WireMessage): void => {
    const to = conversation.contactEmail ?? conversation.customer?.email;
    if (!mailer || !to || customers.has(conversation.visitorId)) return;
    const where = conversation.page ? `: ${conversation.page.url}` : " on our website.";
    mailer
      .send({
        to,
        subject: `${reply.authorName ?? "Our team"} replied to your message`,
        text: `${reply.text}\n\n--\nYou can answer in the chat${where}`,
      })
      .catch((error: unknown) => {
        console.error("reply email not sent", { conversationId: conversation.id }, error);
      });
  };
}
