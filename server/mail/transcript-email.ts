import type { WireMessage } from "../../protocol/index.ts";
import { type Messages, systemText } from "../../widget/i18n/messages.ts";
import { WIDGET_TEXTS } from "../widget-language.ts";
import { emailLanguage, emailTexts, filesLine } from "./email-texts.ts";
import type { Mail } from "./mailer.ts";

/**
 * What the customer saw in the chat, as a plain-text email in their language: who said what
 * and when (in the company's time zone), the notices, and the files by name. Agents' notes are
 * not in it (the transcript given is the customer's).
 */
export function transcriptEmail(
  messages: readonly WireMessage[],
  to: string,
  options: { language: string; timeZone: string },
): Mail {
  const language = emailLanguage(options.language);
  const texts = emailTexts(language);
  // The customer's chat texts: the notices and labels read as they did in the widget.
  const widget = (WIDGET_TEXTS.get(language) ?? WIDGET_TEXTS.get("en") ?? {}) as Messages;
  const when = new Intl.DateTimeFormat(language, {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: options.timeZone,
  });
  const lines = messages.map((message) => {
    if (message.author === "system") return `— ${systemText(widget, message)}`;
    const who =
      message.author === "customer"
        ? texts.you
        : message.author === "bot"
          ? widget.automatic
          : (message.authorName ?? texts.team);
    const files = filesLine(message, language);
    return `[${when.format(message.at)}] ${who}:\n${message.text}${files && `\n${files}`}`.trimEnd();
  });
  return {
    to,
    subject: texts.transcriptSubject,
    text: `${texts.transcriptIntro}\n\n${lines.join("\n\n")}\n`,
  };
}
