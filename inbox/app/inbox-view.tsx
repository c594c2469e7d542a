import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import type { ConversationSummary } from "../../protocol/index.ts";
import { format } from "../../protocol/index.ts";
import { en } from "../i18n/en.ts";
import { CannedAdmin } from "./admin/canned-admin.tsx";
import { IntegrationsAdmin } from "./admin/integrations-admin.tsx";
import { KnowledgeAdmin } from "./admin/knowledge-admin.tsx";
import { SettingsAdmin } from "./admin/settings-admin.tsx";
import { TeamAdmin } from "./admin/team-admin.tsx";
import { AlertsMenu } from "./alerts-menu.tsx";
import { call } from "./api.ts";
import { ConversationList } from "./conversation-list.tsx";
import { ConversationView } from "./conversation-view.tsx";
import { onAlertOpened, registerWorker } from "./device-alerts.ts";
import { InboxClient, type InboxState } from "./inbox-client.ts";
import { LISTS, type ListName, listed } from "./lists.ts";
import { ReportsLoader } from "./reports-loader.tsx";
import { type Command, commandFor, isTextField } from "./shortcuts.ts";
import { ShortcutsHelp } from "./shortcuts-help.tsx";

const SECTIONS = [
  "conversations",
  "knowledge",
  "canned",
  "team",
  "settings",
  "integrations",
  "reports",
] as const;
type Section = (typeof SECTIONS)[number];

export function InboxView({ onSignedOut }: { onSignedOut: (why?: string) => void }) {
  const client = useMemo(() => new InboxClient(), []);
  const [state, setState] = useState<InboxState>(client.state);
  const [section, setSection] = useState<Section>("conversations");
  const [list, setList] = useState<ListName>("mine");
  const [resolved, setResolved] = useState<ConversationSummary[]>([]);
  const [help, setHelp] = useState(false);
  const replyRef = useRef<HTMLTextAreaElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const onKey = useRef<(event: KeyboardEvent) => void>(() => undefined);

  useEffect(() => {
    const unsubscribe = client.subscribe(setState);
    client.connect();
    return () => {
      unsubscribe();
      client.disconnect();
    };
  }, [client]);
  // Pushed alerts need the worker; a clicked one opens its conversation here.
  useEffect(() => {
    registerWorker().catch((error: unknown) => console.warn("no service worker", error));
    return onAlertOpened((conversationId) => {
      setSection("conversations");
      client.open(conversationId);
    });
  }, [client]);

  useEffect(() => {
    if (state.ended) onSignedOut(state.ended);
  }, [state.ended]);

  useEffect(() => {
    if (list !== "resolved") return;
    call<{ conversations: ConversationSummary[] }>("GET", "/api/desk/resolved").then(
      (result) => setResolved(result.conversations),
      (error: unknown) => console.error("resolved conversations", error),
    );
  }, [list]);

  const me = state.me;
  const lists = Object.fromEntries(
    LISTS.map((name) => [name, listed(name, state.conversations, me?.id ?? 0, resolved)]),
  ) as Record<ListName, ConversationSummary[]>;
  const items = lists[list];
  const open = state.conversations.find((conversation) => conversation.id === state.openId);

  // The inbox opens where the agent's work is: their own conversations, else the queue.
  const landed = useRef(false);
  useEffect(() => {
    if (!me || landed.current) return;
    landed.current = true;
    setList(lists.mine.length === 0 && lists.queue.length > 0 ? "queue" : "mine");
  }, [me]);
  // A conversation that became this agent's (claimed, assigned, transferred) is shown in Mine.
  const openIsMine = open?.status === "assigned" && open.assigneeId === me?.id;
  useEffect(() => {
    if (openIsMine && list !== "mine" && list !== "open") setList("mine");
  }, [openIsMine, open?.id]);

  function run(command: Command): void {
    const index = items.findIndex((item) => item.id === state.openId);
    switch (command) {
      case "next":
      case "previous": {
        const step = command === "next" ? 1 : -1;
        const target = items[Math.min(items.length - 1, Math.max(0, index + step))];
        if (target) client.open(target.id);
        return;
      }
      case "claim":
        if (open?.status === "queued") client.claim(open.id);
        return;
      case "resolve":
        if (open?.status === "assigned" && open.assigneeId === me?.id) client.resolve(open.id);
        return;
      case "reply":
        replyRef.current?.focus();
        return;
      case "search":
        searchRef.current?.focus();
        return;
      case "help":
        setHelp(true);
        return;
      default: {
        const unknown: never = command;
        throw new Error(`unhandled command ${String(unknown)}`);
      }
    }
  }

  // Set at every render, read by one listener: a key pressed right after a change (a dialog
  // just closed) sees the new state, not the one from before the effect re-ran.
  onKey.current = (event: KeyboardEvent) => {
    if (event.key === "Escape" && isTextField(event.target)) {
      (event.target as HTMLElement).blur();
      return;
    }
    // The dialog's `open` flag drops at once on Escape; its close event (and our state) later.
    if (section !== "conversations" || document.querySelector("dialog[open]")) return;
    const command = commandFor(event, isTextField(event.target));
    if (!command) return;
    event.preventDefault();
    run(command);
  };
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKey.current(event);
    document.addEventListener("keydown", listener);
    return () => document.removeEventListener("keydown", listener);
  }, []);

  async function signOut(): Promise<void> {
    await fetch("/api/agent/session", { method: "DELETE" });
    onSignedOut();
  }

  const myPresence = state.team.find((member) => member.id === me?.id)?.presence ?? "offline";
  const onlineCount = state.team.filter((member) => member.presence !== "offline").length;
  const sections = me?.role === "admin" ? SECTIONS : (["conversations"] as const);

  return (
    <div class="inbox">
      <header class="topbar">
        <strong>{en.appName}</strong>
        <nav aria-label={en.sections} class="sections">
          {sections.map((name) => (
            <button
              key={name}
              type="button"
              aria-current={section === name ? "page" : undefined}
              onClick={() => setSection(name)}
            >
              {en[`section_${name}`]}
            </button>
          ))}
        </nav>
        {!state.online && <span class="offline">{en.reconnecting}</span>}
        <span class="spacer" />
        {state.online && <span>{format(en.agentsOnline, { count: String(onlineCount) })}</span>}
        <AlertsMenu />
        <label class="presence">
          {en.myStatus}{" "}
          <select
            value={myPresence === "away" ? "away" : "online"}
            onChange={(event) => client.setPresence(event.currentTarget.value as "online" | "away")}
          >
            <option value="online">{en.presence_online}</option>
            <option value="away">{en.presence_away}</option>
          </select>
        </label>
        {me && <span>{me.name}</span>}
        <button type="button" class="secondary" onClick={() => void signOut()}>
          {en.signOut}
        </button>
        <button
          type="button"
          class="secondary"
          aria-label={en.shortcuts}
          onClick={() => setHelp(true)}
        >
          ?
        </button>
      </header>
      {section === "conversations" && (
        <>
          <ConversationList
            list={list}
            onList={setList}
            counts={
              Object.fromEntries(LISTS.map((name) => [name, lists[name].length])) as Record<
                ListName,
                number
              >
            }
            items={items}
            openId={state.openId}
            onOpen={(id) => client.open(id)}
            unread={(conversation) => client.unread(conversation)}
            waitAlertSeconds={state.waitAlertSeconds}
            searchRef={searchRef}
          />
          <main class="conversation">
            {open && me ? (
              <ConversationView
                conversation={open}
                transcript={state.transcript}
                pending={state.pending}
                me={me}
                team={state.team}
                customerTyping={state.customerTyping}
                emailEnabled={state.emailEnabled}
                files={state.files}
                notice={state.notice}
                client={client}
                inputRef={replyRef}
              />
            ) : (
              <p class="placeholder">{en.pickOne}</p>
            )}
          </main>
        </>
      )}
      {section === "knowledge" && <KnowledgeAdmin />}
      {section === "canned" && (
        <main class="admin">
          <CannedAdmin />
        </main>
      )}
      {section === "team" && <TeamAdmin team={state.team} />}
      {section === "settings" && <SettingsAdmin />}
      {section === "integrations" && <IntegrationsAdmin />}
      {section === "reports" && (
        <ReportsLoader
          onOpen={(id) => {
            setSection("conversations");
            client.open(id);
          }}
        />
      )}
      {help && <ShortcutsHelp onClose={() => setHelp(false)} />}
    </div>
  );
}
