import type { Handoff, WireMessage } from "../../protocol/index.ts";
import { format } from "../../protocol/index.ts";
import { en } from "../i18n/en.ts";
import { evidenceByMessage, splitByMarks } from "./evidence.ts";
import type { PendingWrite } from "./inbox-client.ts";
import { reasonLabel } from "./labels.ts";
import { MarkNeedsPerson } from "./mark-needs-person.tsx";

const time = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit" });

/** The whole conversation: the bot's answers marked, notes set apart, the evidence highlighted. */
export function Transcript({
  messages,
  pending = [],
  handoff,
  conversationId,
}: {
  messages: WireMessage[];
  /** The agent's own writes on their way to the server, after the stored messages. */
  pending?: PendingWrite[];
  handoff: Handoff | undefined;
  /** Given when the agent may mark the bot's answers ("should have gone to a person"). */
  conversationId?: number | undefined;
}) {
  const marks = handoff ? evidenceByMessage(handoff, messages) : new Map();
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling log must be reachable by keyboard to scroll it (WCAG 2.1.1).
    <div class="transcript" role="log" aria-label={en.transcript} tabIndex={0}>
      {messages.map((message) => (
        <div
          key={message.seq}
          class={`entry ${message.author}${message.internal ? " internal" : ""}`}
        >
          <div class="entry-meta">
            <span class="who">{author(message)}</span>
            <time dateTime={new Date(message.at).toISOString()}>{time.format(message.at)}</time>
          </div>
          <p dir="auto">
            {splitByMarks(message.text, marks.get(message.seq) ?? []).map((piece, index) =>
              piece.mark ? (
                <mark key={index} title={reasonLabel(piece.mark)}>
                  {piece.text}
                </mark>
              ) : (
                piece.text
              ),
            )}
          </p>
          {message.faq && (
            <small class="faq">{format(en.fromFaq, { title: message.faq.title })}</small>
          )}
          {message.faq && message.author === "bot" && conversationId !== undefined && (
            <MarkNeedsPerson conversationId={conversationId} seq={message.seq} />
          )}
        </div>
      ))}
      {pending.map((write) => (
        <div
          key={write.clientId}
          class={`entry agent pending${write.type === "note" ? " internal" : ""}`}
        >
          <div class="entry-meta">
            <span class="who">{write.type === "note" ? en.pendingNote : en.pendingReply}</span>
            <span role="status">{en.sending}</span>
          </div>
          <p dir="auto">{write.text}</p>
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
      return message.internal
        ? format(en.internalNote, { name: message.authorName ?? "" })
        : (message.authorName ?? "");
    case "system":
      return "";
    default: {
      const unknown: never = message.author;
      return unknown;
    }
  }
}
