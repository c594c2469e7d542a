import type { ConversationSummary } from "../../protocol/index.ts";
import { en } from "../i18n/en.ts";
import { reasonLabel } from "./labels.ts";

interface Props {
  conversations: ConversationSummary[];
  agentId: number | undefined;
  openId: number | null;
  onOpen: (id: number) => void;
}

/** The queue first (most urgent, then longest waiting), then the agent's own conversations. */
export function ConversationList({ conversations, agentId, openId, onOpen }: Props) {
  const byUrgency = [...conversations].sort(
    (a, b) => (b.handoff?.priority ?? 0) - (a.handoff?.priority ?? 0) || a.updatedAt - b.updatedAt,
  );
  const groups = [
    { title: en.waiting, items: byUrgency.filter((c) => c.status === "queued") },
    {
      title: en.mine,
      items: byUrgency.filter((c) => c.status === "assigned" && c.assigneeId === agentId),
    },
    {
      title: en.others,
      items: byUrgency.filter((c) => c.status === "assigned" && c.assigneeId !== agentId),
    },
  ];
  return (
    <nav class="list" aria-label={en.conversations}>
      {groups.map((group) => (
        <section key={group.title} aria-label={group.title}>
          <h2>
            {group.title} <span class="count">{group.items.length}</span>
          </h2>
          {group.items.length === 0 && <p class="none">{en.none}</p>}
          <ul>
            {group.items.map((conversation) => (
              <li key={conversation.id}>
                <button
                  type="button"
                  class="item"
                  aria-current={conversation.id === openId ? "true" : undefined}
                  onClick={() => onOpen(conversation.id)}
                >
                  <span class="reasons">
                    {(conversation.handoff?.reasons ?? [])
                      .map((r) => reasonLabel(r.reason))
                      .join(" · ")}
                  </span>
                  <span class="preview" dir="auto">
                    {conversation.lastMessage?.text ?? en.noMessage}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </nav>
  );
}
