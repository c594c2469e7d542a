import {
  type AgentClientFrame,
  type AgentServerFrame,
  agentServerFrame,
  type ConversationSummary,
  HEARTBEAT_MS,
  HEARTBEAT_TIMEOUT_MS,
  parseFrame,
  type WireMessage,
} from "../../protocol/index.ts";

export interface InboxState {
  online: boolean;
  agent: { id: number; name: string } | null;
  conversations: ConversationSummary[];
  /** Agents with a live inbox connection. */
  onlineAgents: number[];
  openId: number | null;
  transcript: WireMessage[];
  /** The last refusal from the server, shown until the next action. */
  error: string | null;
}

const MAX_BACKOFF_MS = 15_000;

/** The agent's live connection: the open queue, one open transcript, and the agent's actions. */
export class InboxClient {
  state: InboxState = {
    online: false,
    agent: null,
    conversations: [],
    onlineAgents: [],
    openId: null,
    transcript: [],
    error: null,
  };
  private socket: WebSocket | undefined;
  private watchdog: ReturnType<typeof setTimeout> | undefined;
  private attempts = 0;
  private closed = false;
  /** Replies not yet acknowledged, resent with the same client id after a reconnect. */
  private readonly unacked = new Map<string, AgentClientFrame>();
  private readonly listeners = new Set<(state: InboxState) => void>();

  subscribe(listener: (state: InboxState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  connect(): void {
    const url = new URL("/ws/agent", location.href);
    url.protocol = location.protocol === "https:" ? "wss:" : "ws:";
    const socket = new WebSocket(url);
    this.socket = socket;
    socket.onopen = () => this.alive(socket);
    socket.onmessage = (event) => {
      this.alive(socket);
      const parsed = parseFrame(agentServerFrame, event.data);
      if (parsed.ok) this.receive(parsed.frame);
    };
    socket.onclose = () => this.lost(socket);
  }

  /** The socket closed or stopped answering: go offline and try again with backoff. */
  private lost(socket: WebSocket): void {
    if (this.socket !== socket) return;
    socket.onclose = null;
    socket.onmessage = null;
    socket.close();
    this.socket = undefined;
    clearTimeout(this.watchdog);
    this.update({ online: false });
    if (this.closed) return;
    const delay = Math.min(MAX_BACKOFF_MS, 500 * 2 ** this.attempts) * (0.5 + Math.random() / 2);
    this.attempts += 1;
    setTimeout(() => this.connect(), delay);
  }

  /** Pings after a quiet spell; without an answer in time the connection counts as lost. */
  private alive(socket: WebSocket): void {
    clearTimeout(this.watchdog);
    this.watchdog = setTimeout(() => {
      this.sendFrame({ type: "ping" });
      this.watchdog = setTimeout(() => this.lost(socket), HEARTBEAT_TIMEOUT_MS);
    }, HEARTBEAT_MS);
  }

  disconnect(): void {
    this.closed = true;
    if (this.socket) this.lost(this.socket);
  }

  open(conversationId: number): void {
    this.update({ openId: conversationId, transcript: [], error: null });
    this.sendFrame({ type: "open", conversationId });
  }

  claim(conversationId: number): void {
    this.sendFrame({ type: "claim", conversationId });
  }

  resolve(conversationId: number): void {
    this.sendFrame({ type: "resolve", conversationId });
  }

  reply(conversationId: number, text: string): void {
    const frame: AgentClientFrame = {
      type: "reply",
      conversationId,
      clientId: crypto.randomUUID(),
      text,
    };
    this.unacked.set(frame.clientId, frame);
    this.sendFrame(frame);
  }

  private receive(frame: AgentServerFrame): void {
    switch (frame.type) {
      case "inbox": {
        this.attempts = 0;
        const { agent, conversations, online } = frame;
        this.update({ online: true, agent, conversations, onlineAgents: online });
        // Back after a reconnect: only what the open transcript missed comes again.
        const { openId, transcript } = this.state;
        const afterSeq = transcript.at(-1)?.seq ?? 0;
        if (openId !== null) this.sendFrame({ type: "open", conversationId: openId, afterSeq });
        for (const reply of this.unacked.values()) this.sendFrame(reply);
        return;
      }
      case "presence":
        this.update({ onlineAgents: frame.online });
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
        return;
      case "ack":
        this.unacked.delete(frame.clientId);
        return;
      case "error":
        if (frame.clientId !== undefined) this.unacked.delete(frame.clientId);
        this.update({ error: frame.message });
        return;
      default: {
        const unknown: never = frame;
        throw new Error(`unhandled frame ${JSON.stringify(unknown)}`);
      }
    }
  }

  private upsert(conversation: ConversationSummary): void {
    const others = this.state.conversations.filter((item) => item.id !== conversation.id);
    const open = conversation.status === "queued" || conversation.status === "assigned";
    const kept = open || conversation.id === this.state.openId;
    this.update({ conversations: kept ? [...others, conversation] : others });
  }

  private sendFrame(frame: AgentClientFrame): void {
    if (this.state.error !== null) this.update({ error: null });
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(frame));
  }

  private update(change: Partial<InboxState>): void {
    this.state = { ...this.state, ...change };
    for (const listener of this.listeners) listener(this.state);
  }
}
