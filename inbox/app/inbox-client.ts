import {
  type AgentClientFrame,
  type AgentServerFrame,
  type Attachment,
  agentServerFrame,
  type ConversationSummary,
  type FileLimits,
  format,
  parseFrame,
  SESSION_ENDED_CLOSE,
  type TeamMember,
  type WireMessage,
} from "../../protocol/index.ts";
import { LiveSocket } from "../../widget/app/live-socket.ts";
import { en } from "../i18n/en.ts";
import { alertNewWork } from "./alerts.ts";
import { cannedChanged } from "./canned.ts";

export interface Me {
  id: number;
  name: string;
  role: "agent" | "admin";
}

export interface InboxState {
  online: boolean;
  me: Me | null;
  /** Every open conversation (queued or assigned), plus the open one whatever its state. */
  conversations: ConversationSummary[];
  team: TeamMember[];
  /** Per conversation id: how many of the customer's messages this agent has read. */
  read: Record<string, number>;
  waitAlertSeconds: number;
  /** SMTP is configured: replies reach a customer who left, by email. */
  emailEnabled: boolean;
  /** What may be attached (the admin's settings). */
  files: FileLimits;
  openId: number | null;
  transcript: WireMessage[];
  /** The customer of the open conversation is typing. */
  customerTyping: boolean;
  /** How the agent's last move turned out (refused, or done when not otherwise visible). */
  notice: Notice | null;
  /** Why the session ended (signed out elsewhere, revoked, deactivated, expired): sign in again. */
  ended: string | null;
  /** Replies and notes written but not yet acknowledged: shown as "Sending…", kept on reload. */
  pending: PendingWrite[];
}

export interface Notice {
  tone: "done" | "refused";
  text: string;
}

/** A move whose outcome the agent is told of. */
type Move =
  | { type: "claim" | "resolve"; conversationId: number }
  | { type: "transfer"; conversationId: number; to: { agentId: number } | { skill: string } };

export interface PendingWrite {
  type: "reply" | "note";
  conversationId: number;
  clientId: string;
  text: string;
  /** Uploaded already; the write names them. */
  files?: Attachment[];
}

/** The tab's storage keeps unsent writes across a reload; every tab has its own. */
const PENDING_KEY = "hfc-inbox-pending";

const MAX_BACKOFF_MS = 15_000;
/** The widget repeats its typing signal every few seconds; silence longer than this ends it. */
const TYPING_SHOWN_MS = 6_000;
/** Our own typing signal is sent at most this often. */
const TYPING_EVERY_MS = 3_000;

/** The agent's live connection: the queue, one open transcript, the team, and every move. */
export class InboxClient {
  state: InboxState = {
    online: false,
    me: null,
    conversations: [],
    team: [],
    read: {},
    waitAlertSeconds: 120,
    emailEnabled: false,
    files: { types: [], maxBytes: 0, perMessage: 0 },
    openId: null,
    transcript: [],
    customerTyping: false,
    notice: null,
    ended: null,
    pending: storedPending(),
  };
  private readonly socket = new LiveSocket(
    socketUrl(),
    {
      open: () => undefined,
      frame: (data) => {
        const parsed = parseFrame(agentServerFrame, data);
        if (parsed.ok) this.receive(parsed.frame);
      },
      lost: (closed) => {
        this.update({ online: false });
        void this.checkSession(closed);
      },
    },
    MAX_BACKOFF_MS,
  );

  private readonly listeners = new Set<(state: InboxState) => void>();
  private typingSentAt = 0;
  /** The last claim, resolve or transfer, until its outcome is known. */
  private move: Move | undefined;
  private typingTimer: ReturnType<typeof setTimeout> | undefined;
  private loaded = false;

  subscribe(listener: (state: InboxState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  connect(): void {
    this.socket.connect();
  }

  disconnect(): void {
    this.socket.stop();
  }

  /**
   * The server says why when it ends a session; a refused reconnect says nothing (the
   * handshake failed), so then the session itself is asked about.
   */
  private async checkSession(closed: { code: number; reason: string } | undefined) {
    if (closed?.code === SESSION_ENDED_CLOSE) return this.endSession(closed.reason);
    if (closed === undefined || closed.code !== 1006) return;
    const response = await fetch("/api/agent/me").catch(() => undefined);
    if (response?.status === 401) this.endSession(en.sessionEnded);
  }

  private endSession(reason: string): void {
    this.socket.stop();
    this.update({ ended: reason || en.sessionEnded });
  }

  open(conversationId: number): void {
    this.showCustomerTyping(false);
    this.update({ openId: conversationId, transcript: [], notice: null });
    this.sendFrame({ type: "open", conversationId });
  }

  claim(conversationId: number): void {
    this.move = { type: "claim", conversationId };
    this.sendFrame({ type: "claim", conversationId });
  }

  resolve(conversationId: number): void {
    this.move = { type: "resolve", conversationId };
    this.sendFrame({ type: "resolve", conversationId });
  }

  transfer(conversationId: number, to: { agentId: number } | { skill: string }, note: string) {
    this.move = { type: "transfer", conversationId, to };
    this.sendFrame({ type: "transfer", conversationId, to, ...(note ? { note } : {}) });
  }

  dismissNotice(): void {
    this.update({ notice: null });
  }

  setPresence(status: "online" | "away"): void {
    this.sendFrame({ type: "presence", status });
  }

  /** A reply to the customer, or with `internal` a note only colleagues see. */
  write(conversationId: number, text: string, internal: boolean, files: Attachment[] = []): void {
    const pending: PendingWrite = {
      type: internal ? "note" : "reply",
      conversationId,
      clientId: crypto.randomUUID(),
      text,
      ...(files.length > 0 ? { files } : {}),
    };
    this.setPending([...this.state.pending, pending]);
    this.sendFrame(writeFrame(pending));
    this.typingSentAt = 0;
  }

  typing(conversationId: number): void {
    const now = Date.now();
    if (now - this.typingSentAt < TYPING_EVERY_MS) return;
    this.typingSentAt = now;
    this.socket.send(JSON.stringify({ type: "typing", conversationId }));
  }

  /** The open conversation is on screen: everything in it counts as read. */
  markRead(): void {
    const { openId, transcript, conversations, read } = this.state;
    const conversation = conversations.find((item) => item.id === openId);
    const last = transcript.at(-1);
    if (!conversation || !last || read[conversation.id] === conversation.customerMessages) return;
    this.update({ read: { ...read, [conversation.id]: conversation.customerMessages } });
    this.socket.send(
      JSON.stringify({ type: "read", conversationId: conversation.id, seq: last.seq }),
    );
  }

  unread(conversation: ConversationSummary): number {
    return Math.max(0, conversation.customerMessages - (this.state.read[conversation.id] ?? 0));
  }

  private receive(frame: AgentServerFrame): void {
    switch (frame.type) {
      case "inbox": {
        this.socket.accepted();
        const { agent, conversations, team, read, waitAlertSeconds, emailEnabled, files } = frame;
        this.update({
          online: true,
          me: agent,
          conversations,
          team,
          read,
          waitAlertSeconds,
          emailEnabled,
          files,
        });
        this.loaded = true;
        // Back after a reconnect: only what the open transcript missed comes again.
        const { openId, transcript } = this.state;
        const afterSeq = transcript.at(-1)?.seq ?? 0;
        if (openId !== null) this.sendFrame({ type: "open", conversationId: openId, afterSeq });
        // Sent again with the same client ids: the server stores each once.
        for (const pending of this.state.pending) this.sendFrame(writeFrame(pending));
        return;
      }
      case "team":
        this.update({ team: frame.team });
        return;
      case "canned_changed":
        cannedChanged();
        return;
      case "typing":
        if (frame.conversationId === this.state.openId) {
          this.showCustomerTyping(true);
        }
        return;
      case "pong":
        return;
      case "conversation":
        this.upsert(frame.conversation);
        return;
      case "transcript":
        if (frame.conversation.id !== this.state.openId) return;
        this.upsert(frame.conversation);
        this.update({
          transcript:
            frame.afterSeq === 0 ? frame.messages : [...this.state.transcript, ...frame.messages],
        });
        return;
      case "message":
        // The server sends the open conversation's messages once each, in order.
        if (frame.conversationId !== this.state.openId) return;
        this.update({ transcript: [...this.state.transcript, frame.message] });
        if (frame.message.author === "customer") this.showCustomerTyping(false);
        return;
      case "ack":
        this.settle(frame.clientId);
        return;
      case "error": {
        if (frame.clientId !== undefined) this.settle(frame.clientId);
        // A claim that lost the race says so plainly; other refusals say what the server said.
        const lost = frame.code === "conflict" && this.move?.type === "claim";
        this.move = undefined;
        this.update({ notice: { tone: "refused", text: lost ? en.claimLost : frame.message } });
        return;
      }
      default: {
        const unknown: never = frame;
        throw new Error(`unhandled frame ${JSON.stringify(unknown)}`);
      }
    }
  }

  /** Shown until the signals stop for a while, or their message arrives. */
  private showCustomerTyping(typing: boolean): void {
    clearTimeout(this.typingTimer);
    if (typing)
      this.typingTimer = setTimeout(() => this.showCustomerTyping(false), TYPING_SHOWN_MS);
    if (this.state.customerTyping !== typing) this.update({ customerTyping: typing });
  }

  private upsert(conversation: ConversationSummary): void {
    const before = this.state.conversations.find((item) => item.id === conversation.id);
    const others = this.state.conversations.filter((item) => item.id !== conversation.id);
    const open = conversation.status === "queued" || conversation.status === "assigned";
    const kept = open || conversation.id === this.state.openId;
    this.update({ conversations: kept ? [...others, conversation] : others });
    const me = this.state.me;
    if (!this.loaded || !me) return;
    this.confirmMove(conversation);
    alertNewWork(before, conversation, me.id);
    // Newly given to this agent while nothing is open: it opens, no click needed.
    const mine = (c: ConversationSummary | undefined) =>
      c?.status === "assigned" && c.assigneeId === me.id;
    if (mine(conversation) && !mine(before) && this.state.openId === null) {
      this.open(conversation.id);
    }
  }

  /** A transfer or resolve the agent made shows in the conversation: it is confirmed once. */
  private confirmMove(conversation: ConversationSummary): void {
    const move = this.move;
    if (!move || move.conversationId !== conversation.id) return;
    let text: string | undefined;
    if (move.type === "resolve" && conversation.status === "resolved") text = en.resolvedNotice;
    if (move.type === "transfer") {
      const { to } = move;
      if ("agentId" in to && conversation.assigneeId === to.agentId) {
        const name = this.state.team.find((member) => member.id === to.agentId)?.name ?? "";
        text = format(en.transferredTo, { name });
      } else if (
        "skill" in to &&
        conversation.status === "queued" &&
        conversation.skill === to.skill
      ) {
        text = format(en.transferredToTeam, { skill: to.skill });
      }
    }
    if (move.type === "claim" && conversation.status === "assigned") this.move = undefined;
    if (text === undefined) return;
    this.move = undefined;
    this.update({ notice: { tone: "done", text } });
  }

  /** A write the server acknowledged (or refused): no longer pending. */
  private settle(clientId: string): void {
    this.setPending(this.state.pending.filter((write) => write.clientId !== clientId));
  }

  private setPending(pending: PendingWrite[]): void {
    try {
      if (pending.length > 0) sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending));
      else sessionStorage.removeItem(PENDING_KEY);
    } catch {
      // Storage full or refused: the writes still go out from this page.
    }
    this.update({ pending });
  }

  private sendFrame(frame: AgentClientFrame): void {
    if (this.state.notice !== null) this.update({ notice: null });
    this.socket.send(JSON.stringify(frame));
  }

  private update(change: Partial<InboxState>): void {
    this.state = { ...this.state, ...change };
    for (const listener of this.listeners) listener(this.state);
  }
}

/** The agent socket on the inbox's own host (the server checks the origin). */
function socketUrl(): URL {
  const url = new URL("/ws/agent", location.href);
  url.protocol = location.protocol === "https:" ? "wss:" : "ws:";
  return url;
}

/** What this tab had not yet sent when it was reloaded. */
function storedPending(): PendingWrite[] {
  try {
    const stored: unknown = JSON.parse(sessionStorage.getItem(PENDING_KEY) ?? "[]");
    return Array.isArray(stored) ? stored.filter(isPendingWrite) : [];
  } catch {
    return [];
  }
}

function isPendingWrite(value: unknown): value is PendingWrite {
  const write = value as Partial<PendingWrite> | null;
  return (
    (write?.type === "reply" || write?.type === "note") &&
    typeof write.conversationId === "number" &&
    typeof write.clientId === "string" &&
    typeof write.text === "string"
  );
}

/** The frame of a reply or note: its files by id. */
function writeFrame(pending: PendingWrite): AgentClientFrame {
  const { files, ...frame } = pending;
  return files ? { ...frame, attachments: files.map((file) => file.id) } : frame;
}
