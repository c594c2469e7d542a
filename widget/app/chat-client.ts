import type {
  Attachment,
  Availability,
  Place,
  VisitorClientFrame,
  VisitorConversation,
  VisitorServerFrame,
  WireMessage,
} from "../../protocol/index.ts";
import { ACTIVE_KEY } from "../storage-keys.ts";
import { LiveSocket } from "./live-socket.ts";
import { readStored, writeStored } from "./storage.ts";
import { mergeMessages, type PendingMessage, stillPending } from "./transcript.ts";

export interface ChatState {
  online: boolean;
  /** The connection was lost because the browser has no network at all (not the server). */
  offline: boolean;
  conversation: VisitorConversation | null;
  messages: WireMessage[];
  outbox: PendingMessage[];
  /** A person read the customer's messages up to this sequence number. */
  readSeq: number;
  agentTyping: boolean;
  /** Unknown until the first welcome. */
  availability: Availability | undefined;
  /** While queued: the place in line and the expected wait. */
  place: Place | undefined;
  /** The address the customer left for replies. */
  email: string | undefined;
  /** The offered language the customer's last clear message was written in. */
  writtenIn: string | undefined;
  /** Which conversation was emailed at the customer's request, and where. */
  transcriptSent: { conversationId: number; email: string } | undefined;
}

export interface User {
  id: string;
  hash: string;
  name?: string;
  email?: string;
}

/** What the host page may listen to; the loader passes them on. */
export interface ClientEvents {
  handoff(conversationId: number): void;
  agentReply(message: WireMessage): void;
}

const TOKEN_KEY = "hfc:token";
const OUTBOX_KEY = "hfc:outbox";
const MAX_BACKOFF_MS = 30_000;
/** Below the server's typing freshness (4 s), so a steady typist keeps the bot waiting. */
const TYPING_EVERY_MS = 2_500;
/** The agent's typing signal repeats every few seconds; without one this long, it stopped. */
const AGENT_TYPING_SHOWN_MS = 6_000;

function frameOf(pending: PendingMessage): Extract<VisitorClientFrame, { type: "send" }> {
  const { clientId, text, files } = pending;
  return {
    type: "send",
    clientId,
    text,
    ...(files ? { attachments: files.map((f) => f.id) } : {}),
  };
}

/**
 * The widget's connection: says hello with the stored visitor token, keeps unacknowledged
 * messages in storage and resends them (same client id) after every reconnect.
 */
export class ChatClient {
  state: ChatState = {
    online: false,
    offline: !navigator.onLine,
    conversation: null,
    messages: [],
    outbox: readStored<PendingMessage[]>(OUTBOX_KEY) ?? [],
    readSeq: 0,
    agentTyping: false,
    availability: undefined,
    place: undefined,
    email: undefined,
    writtenIn: undefined,
    transcriptSent: undefined,
  };
  private agentTypingTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly socket: LiveSocket;
  private retry: ReturnType<typeof setTimeout> | undefined;
  /** The conversation the transcript belongs to: a reconnect resumes after its last message. */
  private conversationId: number | undefined;
  private wantsPerson = false;
  private typingSentAt = 0;
  private readonly listeners = new Set<(state: ChatState) => void>();

  constructor(
    readonly server: string,
    /** A signed-in customer's id and its signature, from the host page. */
    private user: User | undefined,
    private readonly events: ClientEvents,
  ) {
    const url = new URL("/ws/visitor", server);
    url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
    this.socket = new LiveSocket(
      url,
      {
        open: () => this.hello(),
        frame: (data) => {
          const frame = serverFrame(data);
          if (frame) this.receive(frame);
        },
        lost: () => this.update({ online: false, offline: !navigator.onLine }),
      },
      MAX_BACKOFF_MS,
    );
  }

  subscribe(listener: (state: ChatState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  connect(): void {
    this.socket.connect();
  }

  /** The host page signed a customer in (or another one): say hello again as them. */
  identify(user: User): void {
    this.user = user;
    this.conversationId = undefined;
    this.update({ messages: [], conversation: null, place: undefined });
    if (this.state.online) this.hello();
  }

  private hello(): void {
    this.sendFrame({
      type: "hello",
      v: 1,
      token: readStored(TOKEN_KEY) ?? undefined,
      resume: this.resumePoint(),
      user: this.user,
      page: currentPage(),
    });
  }

  leaveEmail(email: string): void {
    this.sendFrame({ type: "email", email });
  }

  rate(conversationId: number, score: number, comment: string): void {
    this.sendFrame({ type: "rate", conversationId, score, ...(comment ? { comment } : {}) });
  }

  private resumePoint(): { conversationId: number; seq: number } | undefined {
    const last = this.state.messages.at(-1);
    return this.conversationId === undefined || !last
      ? undefined
      : { conversationId: this.conversationId, seq: last.seq };
  }

  send(text: string, files: Attachment[] = []): void {
    const pending: PendingMessage = { clientId: crypto.randomUUID(), text, at: Date.now() };
    if (files.length > 0) pending.files = files;
    this.setOutbox([...this.state.outbox, pending]);
    if (this.state.online) this.sendFrame({ ...frameOf(pending), page: currentPage() });
  }

  /** Where the customer's files go, with the token that says whose they are. */
  uploadTarget(): { url: string; token: string | undefined } {
    return {
      url: new URL("/api/widget/files", this.server).href,
      token: readStored<string>(TOKEN_KEY) ?? undefined,
    };
  }

  /** "Email me this conversation", worded in the widget's language. */
  emailTranscript(conversationId: number, email: string, lang: string): void {
    this.sendFrame({ type: "transcript", conversationId, email, lang });
  }

  /** Tells the server the customer is typing, at most every few seconds: the bot waits. */
  typing(): void {
    const at = Date.now();
    if (!this.state.online || at - this.typingSentAt < TYPING_EVERY_MS) return;
    this.typingSentAt = at;
    this.sendFrame({ type: "typing" });
  }

  /** Sent now when online; otherwise remembered and sent right after the next hello. */
  talkToPerson(): void {
    if (this.state.online) this.sendFrame({ type: "talk_to_person" });
    else this.wantsPerson = true;
  }

  dismiss(clientId: string): void {
    this.setOutbox(this.state.outbox.filter((pending) => pending.clientId !== clientId));
  }

  private receive(frame: VisitorServerFrame): void {
    switch (frame.type) {
      case "welcome":
        writeStored(TOKEN_KEY, frame.token);
        this.socket.accepted();
        this.conversationId = frame.conversation?.id;
        this.update({
          online: true,
          offline: false,
          conversation: frame.conversation,
          availability: frame.availability,
          place: frame.place,
          email: frame.email,
          readSeq: frame.conversation?.readSeq ?? 0,
          messages: frame.resumed
            ? mergeMessages(this.state.messages, frame.messages)
            : frame.messages,
        });
        this.setOutbox(stillPending(this.state.outbox, this.state.messages));
        this.flush();
        return;
      case "ack": {
        const pending = this.state.outbox.find((item) => item.clientId === frame.clientId);
        if (!pending) return;
        if (frame.language) this.update({ writtenIn: frame.language });
        const stored: WireMessage = {
          seq: frame.seq,
          author: "customer",
          text: pending.text,
          at: pending.at,
          clientId: pending.clientId,
        };
        this.addMessages([stored]);
        return;
      }
      case "message":
        this.conversationId = frame.conversationId;
        // A reply not seen before (not one the resumed transcript already held).
        if (
          frame.message.author === "agent" &&
          !this.state.messages.some((held) => held.seq === frame.message.seq)
        ) {
          this.events.agentReply(frame.message);
        }
        this.addMessages([frame.message]);
        if (frame.message.author === "agent") this.showAgentTyping(false);
        return;
      case "typing":
        this.showAgentTyping(true);
        return;
      case "read":
        if (frame.conversationId === this.conversationId) this.update({ readSeq: frame.seq });
        return;
      case "conversation": {
        const before = this.state.conversation?.status;
        const { status } = frame.conversation;
        if (status === "queued" && before !== "queued" && before !== "assigned") {
          this.events.handoff(frame.conversation.id);
        }
        const waiting = status === "queued";
        this.update({
          conversation: frame.conversation,
          place: waiting ? this.state.place : undefined,
        });
        return;
      }
      case "place":
        if (frame.conversationId === this.conversationId) this.update({ place: frame.place });
        return;
      case "availability":
        this.update({ availability: frame.availability });
        return;
      case "email_saved":
        this.update({ email: frame.email });
        return;
      case "transcript_sent":
        this.update({
          transcriptSent: { conversationId: frame.conversationId, email: frame.email },
        });
        return;
      case "pong":
        return;
      case "error": {
        if (frame.code === "rate_limited") {
          // Kept in the outbox and sent again once the server will take it.
          clearTimeout(this.retry);
          this.retry = setTimeout(() => this.flush(), frame.retryAfterMs ?? 1000);
          return;
        }
        const reason = frame.message;
        this.setOutbox(
          this.state.outbox.map((item) =>
            item.clientId === frame.clientId ? { ...item, error: reason } : item,
          ),
        );
        return;
      }
      default: {
        // A newer server's frame this widget does not know yet: ignored.
        frame satisfies never;
      }
    }
  }

  private showAgentTyping(typing: boolean): void {
    clearTimeout(this.agentTypingTimer);
    if (typing) {
      this.agentTypingTimer = setTimeout(() => this.showAgentTyping(false), AGENT_TYPING_SHOWN_MS);
    }
    if (this.state.agentTyping !== typing) this.update({ agentTyping: typing });
  }

  private flush(): void {
    for (const pending of this.state.outbox) {
      if (pending.error === undefined) this.sendFrame(frameOf(pending));
    }
    if (this.wantsPerson) {
      this.wantsPerson = false;
      this.sendFrame({ type: "talk_to_person" });
    }
  }

  private addMessages(messages: WireMessage[]): void {
    this.update({ messages: mergeMessages(this.state.messages, messages) });
    this.setOutbox(stillPending(this.state.outbox, this.state.messages));
  }

  private setOutbox(outbox: PendingMessage[]): void {
    writeStored(OUTBOX_KEY, outbox);
    this.update({ outbox });
  }

  private sendFrame(frame: VisitorClientFrame): void {
    this.socket.send(JSON.stringify(frame));
  }

  private update(change: Partial<ChatState>): void {
    this.state = { ...this.state, ...change };
    const status = this.state.conversation?.status;
    if ("conversation" in change)
      writeStored(ACTIVE_KEY, status === "queued" || status === "assigned");
    for (const listener of this.listeners) listener(this.state);
  }
}

/**
 * One frame from the chat's own server, by its type. Not checked field by field here: the
 * validator would double the widget's weight, and the server tests check every frame the
 * server sends against the protocol's schema (server/test-harness.ts).
 */
function serverFrame(data: unknown): VisitorServerFrame | undefined {
  try {
    const frame: unknown = JSON.parse(String(data));
    return typeof frame === "object" && frame !== null && "type" in frame
      ? (frame as VisitorServerFrame)
      : undefined;
  } catch {
    return undefined;
  }
}

/** Where the customer is, for the agent; cut to what the server accepts. */
function currentPage(): { url: string; title: string } {
  return { url: location.href.slice(0, 2048), title: document.title.slice(0, 300) };
}
