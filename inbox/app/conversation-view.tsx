import { useState } from "preact/hooks";
import type { ConversationSummary, WireMessage } from "../../protocol/index.ts";
import { en, format } from "../i18n/en.ts";
import type { InboxClient } from "./inbox-client.ts";
import { reasonLabel, statusLabel } from "./labels.ts";
import { Transcript } from "./transcript.tsx";

interface Props {
  conversation: ConversationSummary;
  transcript: WireMessage[];
  agentId: number;
  error: string | null;
  client: InboxClient;
}

export function ConversationView({ conversation, transcript, agentId, error, client }: Props) {
  const [draft, setDraft] = useState("");
  const mine = conversation.status === "assigned" && conversation.assigneeId === agentId;
  const { handoff } = conversation;

  function send(): void {
    const text = draft.trim();
    if (!text) return;
    client.reply(conversation.id, text);
    setDraft("");
  }

  return (
    <article class="view" aria-label={format(en.conversation, { id: String(conversation.id) })}>
      <header class="view-header">
        <h1>{format(en.conversation, { id: String(conversation.id) })}</h1>
        <span class={`status ${conversation.status}`}>{statusLabel(conversation.status)}</span>
        {conversation.assigneeName && !mine && (
          <span>{format(en.assignedTo, { name: conversation.assigneeName })}</span>
        )}
        <span class="spacer" />
        {conversation.status === "queued" && (
          <button type="button" onClick={() => client.claim(conversation.id)}>
            {en.claim}
          </button>
        )}
        {mine && (
          <button type="button" onClick={() => client.resolve(conversation.id)}>
            {en.resolve}
          </button>
        )}
      </header>
      {handoff && (
        <section class="handoff" aria-label={en.handoff}>
          <p>
            <strong>
              {format(en.handoffReason, {
                reasons: handoff.reasons.map((r) => reasonLabel(r.reason)).join(", "),
              })}
            </strong>
          </p>
          <p class="summary" dir="auto">
            {handoff.summary}
          </p>
        </section>
      )}
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      <Transcript messages={transcript} />
      {mine ? (
        <form
          class="reply"
          onSubmit={(event) => {
            event.preventDefault();
            send();
          }}
        >
          <textarea
            aria-label={en.reply}
            rows={3}
            value={draft}
            dir="auto"
            onInput={(event) => setDraft(event.currentTarget.value)}
            onKeyDown={(event) => {
              if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
                event.preventDefault();
                send();
              }
            }}
          />
          <button type="submit">{en.send}</button>
        </form>
      ) : (
        <p class="hint">{conversation.status === "queued" ? en.claimToReply : ""}</p>
      )}
    </article>
  );
}
