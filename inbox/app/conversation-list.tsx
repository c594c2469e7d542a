import type { RefObject } from "preact";
import { useEffect, useState } from "preact/hooks";
import type { ConversationSummary, WireMessage } from "../../protocol/index.ts";
import { format } from "../../protocol/index.ts";
import { en } from "../i18n/en.ts";
import { customerLabel, reasonLabel } from "./labels.ts";
import { LISTS, type ListName, waited, waitingTooLong } from "./lists.ts";
import { SearchResults } from "./search-results.tsx";

interface Props {
  list: ListName;
  onList: (list: ListName) => void;
  /** Per list, how many conversations it holds (the resolved list: what is loaded). */
  counts: Record<ListName, number>;
  items: ConversationSummary[];
  openId: number | null;
  onOpen: (id: number) => void;
  unread: (conversation: ConversationSummary) => number;
  waitAlertSeconds: number;
  searchRef: RefObject<HTMLInputElement | null>;
}

export function ConversationList(props: Props) {
  const { items, openId, onOpen, unread } = props;
  const [query, setQuery] = useState("");
  const now = useNow();
  return (
    <nav class="list" aria-label={en.conversations}>
      <search class="search">
        <input
          ref={props.searchRef}
          type="search"
          aria-label={en.search}
          placeholder={en.search}
          value={query}
          onInput={(event) => setQuery(event.currentTarget.value)}
        />
      </search>
      {query.trim() ? (
        <SearchResults query={query.trim()} onOpen={onOpen} onClear={() => setQuery("")} />
      ) : (
        <>
          <div class="tabs" role="tablist" aria-label={en.lists}>
            {LISTS.map((name) => (
              <button
                key={name}
                type="button"
                role="tab"
                aria-selected={props.list === name}
                onClick={() => props.onList(name)}
              >
                {en[`list_${name}`]} <span class="count">{props.counts[name]}</span>
              </button>
            ))}
          </div>
          <div role="tabpanel" aria-label={en[`list_${props.list}`]}>
            {items.length === 0 && <p class="none">{en.none}</p>}
            <ul>
              {items.map((conversation) => {
                const count = unread(conversation);
                const late = waitingTooLong(conversation, now, props.waitAlertSeconds);
                return (
                  <li key={conversation.id}>
                    <button
                      type="button"
                      class={`item${late ? " late" : ""}`}
                      aria-current={conversation.id === openId ? "true" : undefined}
                      onClick={() => onOpen(conversation.id)}
                    >
                      <span class="item-head">
                        <span class="reasons">
                          {(conversation.handoff?.reasons ?? [])
                            .map((r) => reasonLabel(r.reason))
                            .join(" · ") ||
                            format(en.conversation, { id: String(conversation.id) })}
                        </span>
                        {count > 0 && (
                          <span class="badge">{format(en.unread, { count: String(count) })}</span>
                        )}
                      </span>
                      <span class="who" dir="auto">
                        {customerLine(conversation)}
                      </span>
                      <span class="preview" dir="auto">
                        {preview(conversation.lastMessage) ?? en.noMessage}
                      </span>
                      {conversation.status === "queued" && conversation.queuedAt !== undefined ? (
                        <span class="waiting">
                          {late && <strong>{en.waitingLong} · </strong>}
                          {format(en.waitingFor, { time: waited(now - conversation.queuedAt) })}
                        </span>
                      ) : (
                        conversation.lastMessage && (
                          <span class="waiting">
                            {format(en.lastMessageAgo, {
                              time: waited(now - conversation.lastMessage.at),
                            })}
                          </span>
                        )
                      )}
                    </button>
                  </li>
                );
              })}
            </ul>
          </div>
        </>
      )}
    </nav>
  );
}

/** Who wrote, as far as the agent knows, and in which language: "Ada · ada@example.com · pl". */
function customerLine(conversation: ConversationSummary): string {
  const { customer, contactEmail, visitorId } = conversation;
  const who = customerLabel(
    { name: customer?.name, email: customer?.email ?? contactEmail },
    visitorId,
  );
  const language = conversation.language ?? conversation.handoff?.language;
  return language && language !== "und" ? `${who} · ${language}` : who;
}

/** The clock, ticking every few seconds, so waiting times and highlights stay current. */
function useNow(): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 5_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/** A message as the list shows it: its words, or the names of the files it carries. */
function preview(message: WireMessage | undefined): string | undefined {
  if (!message) return undefined;
  return message.text || `📎 ${(message.attachments ?? []).map((file) => file.name).join(", ")}`;
}
