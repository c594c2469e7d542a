import type { RefObject } from "preact";
import { useEffect, useState } from "preact/hooks";
import type {
  ConversationSummary,
  FileLimits,
  TeamMember,
  WireMessage,
} from "../../protocol/index.ts";
import { format } from "../../protocol/index.ts";
import { en } from "../i18n/en.ts";
import { Composer } from "./composer.tsx";
import { CustomerPanel, HandoffCard } from "./handoff-card.tsx";
import type { InboxClient, Me, Notice, PendingWrite } from "./inbox-client.ts";
import { statusLabel } from "./labels.ts";
import { useSuggestions } from "./suggestions.ts";
import { Transcript } from "./transcript.tsx";
import { TransferDialog } from "./transfer-dialog.tsx";

interface Props {
  conversation: ConversationSummary;
  transcript: WireMessage[];
  /** This agent's writes to it that the server has not acknowledged yet. */
  pending: PendingWrite[];
  me: Me;
  team: TeamMember[];
  customerTyping: boolean;
  emailEnabled: boolean;
  /** What may be attached. */
  files: FileLimits;
  notice: Notice | null;
  client: InboxClient;
  inputRef: RefObject<HTMLTextAreaElement | null>;
}

export function ConversationView(props: Props) {
  const { conversation, transcript, me, client } = props;
  const [transferring, setTransferring] = useState(false);
  const mine = conversation.status === "assigned" && conversation.assigneeId === me.id;
  const mayTransfer = mine || (me.role === "admin" && conversation.status !== "resolved");
  const title = format(en.conversation, { id: String(conversation.id) });
  // Shared by the reply box and the "FAQ answers this" mark: asked for once.
  const suggestions = useSuggestions(conversation);

  // What is on screen counts as read (the customer sees "read").
  useEffect(() => {
    if (document.visibilityState === "visible") client.markRead();
  }, [client, transcript.length]);

  return (
    <article class="view" aria-label={title}>
      <div class="view-main">
        <header class="view-header">
          <h1>{title}</h1>
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
          {mayTransfer && (
            <button type="button" class="secondary" onClick={() => setTransferring(true)}>
              {en.transfer}
            </button>
          )}
          {mine && (
            <button type="button" onClick={() => client.resolve(conversation.id)}>
              {en.resolve}
            </button>
          )}
        </header>
        <HandoffCard conversation={conversation} suggestions={suggestions} />
        {props.notice && (
          <p
            class={`outcome ${props.notice.tone}`}
            role={props.notice.tone === "refused" ? "alert" : "status"}
          >
            {props.notice.text}{" "}
            <button type="button" class="link" onClick={() => client.dismissNotice()}>
              {en.dismiss}
            </button>
          </p>
        )}
        <Transcript
          messages={transcript}
          pending={props.pending.filter(
            (write) =>
              write.conversationId === conversation.id &&
              !transcript.some((message) => message.clientId === write.clientId),
          )}
          handoff={conversation.handoff}
          conversationId={conversation.status === "bot" ? undefined : conversation.id}
        />
        <p class="typing" aria-live="polite">
          {props.customerTyping ? en.customerTyping : ""}
        </p>
        {conversation.status === "bot" ? null : (
          <>
            {conversation.status === "queued" && <p class="hint">{en.claimToReply}</p>}
            <Composer
              conversation={conversation}
              canReply={mine}
              client={client}
              inputRef={props.inputRef}
              suggestions={suggestions}
              limits={props.files}
            />
          </>
        )}
      </div>
      <CustomerPanel
        conversation={conversation}
        emailEnabled={props.emailEnabled}
        onOpen={(id) => client.open(id)}
      />
      {transferring && (
        <TransferDialog
          conversationId={conversation.id}
          team={props.team}
          myId={me.id}
          onTransfer={(to, note) => client.transfer(conversation.id, to, note)}
          onClose={() => setTransferring(false)}
        />
      )}
    </article>
  );
}
