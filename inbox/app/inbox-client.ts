import {
  type AgentClientFrame,
  type AgentServerFrame,
  agentServerFrame,
  type ConversationSummary,
  parseFrame,
  type WireMessage,
} from "../../protocol/index.ts";

export interface InboxState {
  online: boolean;
  agent: { id: number; name: string } | null;
  conversations: ConversationSummary[];
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
    openId: null,
    transcript: [],
    error: null,
  };
  private socket: WebSocket | undefined;
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
    socket.onmessage = (event) => {
      const parsed = parseFrame(agentServerFrame, event.data);
      if (parsed.ok) this.receive(parsed.frame);
    };
    socket.onclose = () => {
      this.update({ online: false });
      if (this.closed) return;
      const delay = Math.min(MAX_BACKOFF_MS, 500 * 2 ** this.attempts) * (0.5 + Math.random() / 2);
      this.attempts += 1;
      setTimeout(() => this.connect(), delay);
    };
  }

  disconnect(): void {
    this.closed = true;
    this.socket?.close(1000);
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
      case "inbox":
        this.attempts = 0;
        this.update({ online: true, agent: frame.agent, conversations: frame.conversations });
        if (this.state.openId !== null)
          this.sendFrame({ type: "open", conversationId: this.state.openId });
        for (const reply of this.unacked.values()) this.sendFrame(reply);
        return;
      case "conversation":
        this.upsert(frame.conversation);
        return;
      case "transcript":
        if (frame.conversation.id !== this.state.openId) return;
        this.upsert(frame.conversation);
        this.update({ transcript: frame.messages });
        return;
      case "message":
        if (frame.conversationId !== this.state.openId) return;
        if (this.state.transcript.some((message) => message.seq === frame.message.seq)) return;
        this.update({
          transcript: [...this.state.transcript, frame.message].sort((a, b) => a.seq - b.seq),
        });
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
