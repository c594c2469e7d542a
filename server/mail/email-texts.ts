import * as v from "valibot";
import {
  type ConversationSummary,
  emailAddress,
  format,
  type WireMessage,
} from "../../protocol/index.ts";
import TEXTS from "./email-texts.json" with { type: "json" };

export type EmailLanguage = keyof typeof TEXTS;

/** The language our emails to a customer are worded in: theirs when we have it, else English. */
export function emailLanguage(code: string | undefined): EmailLanguage {
  return code !== undefined && Object.hasOwn(TEXTS, code) ? (code as EmailLanguage) : "en";
}

export function emailTexts(language: EmailLanguage) {
  return TEXTS[language];
}

/** The one plain mailbox a customer's emails go to: the one they left, else the verified one. */
export function customerAddress(conversation: ConversationSummary): string | undefined {
  const to = v.safeParse(emailAddress, conversation.contactEmail ?? conversation.customer?.email);
  return to.success ? to.output : undefined;
}

/** "Files: a.pdf, b.png (open the chat…)" for a message that carried files; "" otherwise. */
export function filesLine(message: WireMessage, language: EmailLanguage): string {
  const names = message.attachments?.map((file) => file.name).join(", ");
  return names ? format(TEXTS[language].files, { names }) : "";
}
