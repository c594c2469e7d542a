import { useEffect, useMemo, useState } from "preact/hooks";
import { en, format } from "../i18n/en.ts";
import { ConversationList } from "./conversation-list.tsx";
import { ConversationView } from "./conversation-view.tsx";
import { InboxClient, type InboxState } from "./inbox-client.ts";

export function InboxView({ onSignedOut }: { onSignedOut: () => void }) {
  const client = useMemo(() => new InboxClient(), []);
  const [state, setState] = useState<InboxState>(client.state);
  useEffect(() => {
    const unsubscribe = client.subscribe(setState);
    client.connect();
    return () => {
      unsubscribe();
      client.disconnect();
    };
  }, [client]);

  async function signOut(): Promise<void> {
    await fetch("/api/agent/session", { method: "DELETE" });
    onSignedOut();
  }

  const open = state.conversations.find((conversation) => conversation.id === state.openId);
  return (
    <div class="inbox">
      <header class="topbar">
        <strong>{en.appName}</strong>
        {!state.online && <span class="offline">{en.reconnecting}</span>}
        <span class="spacer" />
        {state.online && (
          <span>{format(en.agentsOnline, { count: String(state.onlineAgents.length) })}</span>
        )}
        {state.agent && <span>{state.agent.name}</span>}
        <button type="button" onClick={() => void signOut()}>
          {en.signOut}
        </button>
      </header>
      <ConversationList
        conversations={state.conversations}
        agentId={state.agent?.id}
        openId={state.openId}
        onOpen={(id) => client.open(id)}
      />
      <main class="conversation">
        {open && state.agent ? (
          <ConversationView
            conversation={open}
            transcript={state.transcript}
            agentId={state.agent.id}
            error={state.error}
            client={client}
          />
        ) : (
          <p class="placeholder">{en.pickOne}</p>
        )}
      </main>
    </div>
  );
}
