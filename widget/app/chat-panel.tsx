import { useEffect, useState } from "preact/hooks";
import type { VisitorConversation } from "../../protocol/index.ts";
import { en, format } from "../i18n/en.ts";
import type { ChatClient, ChatState } from "./chat-client.ts";
import { Composer } from "./composer.tsx";
import { MessageList } from "./message-list.tsx";

interface Props {
  client: ChatClient;
  open: boolean;
  /** The company's own first words, from the admin's settings. */
  greeting: string | undefined;
  onClose: () => void;
}

export function ChatPanel({ client, open, greeting, onClose }: Props) {
  const [state, setState] = useState<ChatState>(client.state);
  useEffect(() => {
    const unsubscribe = client.subscribe(setState);
    // Frames may have arrived between the first render and this effect.
    setState(client.state);
    return unsubscribe;
  }, [client]);
  const withPerson =
    state.conversation !== null &&
    state.conversation.status !== "bot" &&
    state.conversation.status !== "resolved";

  return (
    <section id="hfc-panel" class="panel" hidden={!open} aria-label={en.title}>
      <header class="panel-header">
        <div>
          <h2 class="panel-title">{en.title}</h2>
          <p class="panel-status">{state.online ? statusLine(state.conversation) : en.offline}</p>
        </div>
        <button type="button" class="icon-button" aria-label={en.closeChat} onClick={onClose}>
          ×
        </button>
      </header>
      <MessageList
        messages={state.messages}
        outbox={state.outbox}
        greeting={greeting ?? en.empty}
        readSeq={state.readSeq}
        onDismiss={(id) => client.dismiss(id)}
      />
      <p class="typing" aria-live="polite">
        {state.agentTyping ? en.agentTyping : ""}
      </p>
      <div class="actions">
        <button
          type="button"
          class="person-button"
          aria-disabled={withPerson}
          onClick={() => withPerson || client.talkToPerson()}
        >
          {withPerson ? en.personComing : en.talkToPerson}
        </button>
      </div>
      <Composer
        onSend={(text) => client.send(text)}
        onTyping={() => client.typing()}
        autoFocus={open}
      />
    </section>
  );
}

function statusLine(conversation: VisitorConversation | null): string {
  if (conversation === null) return en.withBot;
  switch (conversation.status) {
    case "bot":
      return en.withBot;
    case "queued":
      return en.queued;
    case "assigned":
      return format(en.assigned, { name: conversation.agentName ?? en.team });
    case "resolved":
      return en.resolved;
    default: {
      const unknown: never = conversation.status;
      return unknown;
    }
  }
}
