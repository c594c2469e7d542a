import { useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";
import type { Handoff, WireMessage } from "../../protocol/index.ts";
import { format } from "../../protocol/index.ts";
import { FileList } from "../../widget/app/attachments.tsx";
import { LinkedText } from "../../widget/app/linked-text.tsx";
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
  const { log, unseen, toNewest } = usePinnedToNewest(
    conversationId,
    messages.length + pending.length,
  );
  return (
    <div class="transcript-frame">
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling log must be reachable by keyboard to scroll it (WCAG 2.1.1). */}
      <div class="transcript" role="log" aria-label={en.transcript} tabIndex={0} ref={log}>
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
                    <LinkedText text={piece.text} />
                  </mark>
                ) : (
                  <LinkedText key={index} text={piece.text} />
                ),
              )}
            </p>
            {message.attachments && (
              <FileList files={message.attachments} server={location.origin} />
            )}
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
            {write.text && <p dir="auto">{write.text}</p>}
            {write.files && <FileList files={write.files} server={location.origin} />}
          </div>
        ))}
      </div>
      {unseen && (
        <button type="button" class="new-messages" onClick={toNewest}>
          {en.newMessages}
        </button>
      )}
    </div>
  );
}

/** How close to the bottom still counts as reading the newest messages. */
const NEAR_BOTTOM_PX = 48;

/**
 * A conversation opens at its newest message and stays there as messages arrive, unless the
 * agent scrolled up to read: then a "new messages" button says more came, and takes them down.
 */
function usePinnedToNewest(conversationId: number | undefined, count: number) {
  const log = useRef<HTMLDivElement>(null);
  const pinned = useRef(true);
  const [unseen, setUnseen] = useState(false);
  const toNewest = () => {
    const element = log.current;
    if (element) element.scrollTop = element.scrollHeight;
    pinned.current = true;
    setUnseen(false);
  };
  useEffect(() => {
    const element = log.current;
    if (!element) return;
    let lastTop = element.scrollTop;
    // Only the agent scrolling up unpins: the log shrinking (the card above grew) does not.
    const onScroll = () => {
      const fromBottom = element.scrollHeight - element.scrollTop - element.clientHeight;
      if (fromBottom < NEAR_BOTTOM_PX) {
        pinned.current = true;
        setUnseen(false);
      } else if (element.scrollTop < lastTop) {
        pinned.current = false;
      }
      lastTop = element.scrollTop;
    };
    element.addEventListener("scroll", onScroll, { passive: true });
    // The card above may grow or fold, the window resize: the newest message stays in view.
    const resized = new ResizeObserver(() => {
      if (pinned.current) element.scrollTop = element.scrollHeight;
    });
    resized.observe(element);
    return () => {
      element.removeEventListener("scroll", onScroll);
      resized.disconnect();
    };
  }, []);
  // Another conversation: start at its newest message.
  useLayoutEffect(() => {
    pinned.current = true;
    setUnseen(false);
  }, [conversationId]);
  useLayoutEffect(() => {
    if (pinned.current) toNewest();
    else if (count > 0) setUnseen(true);
  }, [count, conversationId]);
  return { log, unseen, toNewest };
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
