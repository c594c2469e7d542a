import { useEffect, useRef } from "preact/hooks";
import { format } from "../../protocol/format.ts";
import type { WireMessage } from "../../protocol/index.ts";
import { systemText } from "../i18n/messages.ts";
import { FileList } from "./attachments.tsx";
import { LinkedText } from "./linked-text.tsx";
import { useTexts } from "./texts.ts";
import type { PendingMessage } from "./transcript.ts";

interface Props {
  messages: WireMessage[];
  outbox: PendingMessage[];
  greeting: string;
  /** The customer's messages up to here were read by a person. */
  readSeq: number;
  onDismiss: (clientId: string) => void;
  /** The chat server, which file links are relative to. */
  server: string;
}

export function MessageList({ messages, outbox, greeting, readSeq, onDismiss, server }: Props) {
  const en = useTexts();
  const end = useRef<HTMLDivElement>(null);
  useEffect(() => end.current?.scrollIntoView({ block: "end" }), [messages.length, outbox.length]);

  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling log must be reachable by keyboard to scroll it (WCAG 2.1.1).
    <div class="messages" role="log" aria-live="polite" aria-label={en.messages} tabIndex={0}>
      {messages.length === 0 && outbox.length === 0 && (
        <p class="empty" dir="auto">
          {greeting}
        </p>
      )}
      {messages.map((message) => (
        <Message
          key={message.seq}
          message={message}
          read={message.seq <= readSeq}
          server={server}
        />
      ))}
      {outbox.map((pending) => (
        <div key={pending.clientId} class="bubble customer">
          {pending.text && <p dir="auto">{pending.text}</p>}
          {pending.files && <FileList files={pending.files} server={server} />}
          {pending.error === undefined ? (
            <small class="meta">{en.sending}</small>
          ) : (
            <small class="meta error">
              {format(en.notSent, { reason: pending.error })}{" "}
              <button type="button" class="link-button" onClick={() => onDismiss(pending.clientId)}>
                {en.dismiss}
              </button>
            </small>
          )}
        </div>
      ))}
      <div ref={end} />
    </div>
  );
}

function Message({
  message,
  read,
  server,
}: {
  message: WireMessage;
  read: boolean;
  server: string;
}) {
  const en = useTexts();
  const files = message.attachments && <FileList files={message.attachments} server={server} />;
  switch (message.author) {
    case "customer":
      return (
        <div class="bubble customer">
          {message.text && (
            <p dir="auto">
              <LinkedText text={message.text} />
            </p>
          )}
          {files}
          <small class="meta">
            {read ? en.read : en.sent} · <Time at={message.at} />
          </small>
        </div>
      );
    case "bot":
      return (
        <div class="bubble bot">
          <small class="label">{en.automatic}</small>
          <p dir="auto">
            <LinkedText text={message.text} />
          </p>
          {message.faq && (
            <small class="meta">{format(en.fromFaq, { title: message.faq.title })}</small>
          )}
        </div>
      );
    case "agent": {
      const name = message.authorName ?? en.team;
      return (
        <div class="from-agent">
          <span class="avatar" aria-hidden="true">
            {name.charAt(0)}
          </span>
          <div class="bubble agent">
            <small class="label">
              {name} · <Time at={message.at} />
            </small>
            {message.text && (
              <p dir="auto">
                <LinkedText text={message.text} />
              </p>
            )}
            {files}
          </div>
        </div>
      );
    }
    case "system":
      return <p class="system">{systemText(en, message)}</p>;
    default: {
      const unknown: never = message.author;
      return unknown;
    }
  }
}

/** The browser's own clock format: 14:05, or 2:05 PM. */
const clock = new Intl.DateTimeFormat(undefined, { hour: "numeric", minute: "2-digit" });

function Time({ at }: { at: number }) {
  return <time dateTime={new Date(at).toISOString()}>{clock.format(at)}</time>;
}
