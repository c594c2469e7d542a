import { format, type WireMessage } from "../../protocol/index.ts";
import { WIDGET_TEXTS } from "../widget-language.ts";
import type { Mail } from "./mailer.ts";
import TEXTS from "./reply-texts.json" with { type: "json" };

type Language = keyof typeof TEXTS;

const EVENT_TEXT = {
  handoff: "eventHandoff",
  joined: "eventJoined",
  transferred: "eventTransferred",
  resolved: "eventResolved",
  reopened: "eventReopened",
} as const;

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
  const language: Language = Object.hasOwn(TEXTS, options.language)
    ? (options.language as Language)
    : "en";
  const texts = TEXTS[language];
  const widget = WIDGET_TEXTS.get(language) ?? WIDGET_TEXTS.get("en") ?? {};
  const when = new Intl.DateTimeFormat(language, {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: options.timeZone,
  });
  const lines = messages.map((message) => {
    if (message.author === "system") {
      const key = message.event && EVENT_TEXT[message.event];
      const name = message.authorName ?? texts.team;
      return `— ${format((key && widget[key]) || message.text, { name })}`;
    }
    const who =
      message.author === "customer"
        ? texts.you
        : message.author === "bot"
          ? (widget.automatic ?? "Automatic answer")
          : (message.authorName ?? texts.team);
    const files = message.attachments?.length
      ? `\n${format(texts.files, { names: message.attachments.map((file) => file.name).join(", ") })}`
      : "";
    return `[${when.format(message.at)}] ${who}:\n${message.text}${files}`.trimEnd();
  });
  return {
    to,
    subject: texts.transcriptSubject,
    text: `${texts.transcriptIntro}\n\n${lines.join("\n\n")}\n`,
  };
}
