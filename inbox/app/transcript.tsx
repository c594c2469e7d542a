import type { WireMessage } from "../../protocol/index.ts";
import { en, format } from "../i18n/en.ts";

const time = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit" });

export function Transcript({ messages }: { messages: WireMessage[] }) {
  return (
    <div class="transcript" role="log" aria-label={en.transcript}>
      {messages.map((message) => (
        <div key={message.seq} class={`entry ${message.author}`}>
          <div class="entry-meta">
            <span class="who">{author(message)}</span>
            <time dateTime={new Date(message.at).toISOString()}>{time.format(message.at)}</time>
          </div>
          <p dir="auto">{message.text}</p>
          {message.faq && (
            <small class="faq">{format(en.fromFaq, { title: message.faq.title })}</small>
          )}
        </div>
      ))}
    </div>
  );
}

function author(message: WireMessage): string {
  switch (message.author) {
    case "customer":
      return en.customer;
    case "bot":
      return en.bot;
    case "agent":
      return message.authorName ?? "";
    case "system":
      return "";
    default: {
      const unknown: never = message.author;
      return unknown;
    }
  }
}
