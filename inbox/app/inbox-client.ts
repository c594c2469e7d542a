import {
  type AgentClientFrame,
  type AgentServerFrame,
  agentServerFrame,
  type ConversationSummary,
  parseFrame,
  type WireMessage,
} from "../../protocol/index.ts";
import { LiveSocket } from "../../widget/app/live-socket.ts";

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
  private readonly socket = new LiveSocket(
    socketUrl(),
    {
      open: () => undefined,
      frame: (data) => {
        const parsed = parseFrame(agentServerFrame, data);
        if (parsed.ok) this.receive(parsed.frame);
      },
      lost: () => this.update({ online: false }),
    },
    MAX_BACKOFF_MS,
  );
  /** Replies not yet acknowledged, resent with the same client id after a reconnect. */
  private readonly unacked = new Map<string, AgentClientFrame>();
  private readonly listeners = new Set<(state: InboxState) => void>();

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
        this.socket.accepted();
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
