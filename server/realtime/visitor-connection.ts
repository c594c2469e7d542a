import {
  currentConversationOf,
  type Db,
  getConversation,
  rateConversation,
  saveContactEmail,
} from "../../db/index.ts";
import {
  type Availability,
  type ErrorFrame,
  type Page,
  parseFrame,
  type VisitorClientFrame,
  type VisitorServerFrame,
  visitorClientFrame,
  type WireMessage,
} from "../../protocol/index.ts";
import { type IdentitySecrets, identifyVisitor } from "../auth/visitor-identity.ts";
import type { Chat } from "../chat.ts";
import type { Guard } from "../limits.ts";
import type { Presence } from "../presence.ts";
import { type Publisher, visitorTopic } from "../publisher.ts";
import type { WaitingLine } from "../waiting-line.ts";
import { writtenIn } from "../widget-language.ts";
import { type ClientSocket, frameHandler } from "./client-socket.ts";
import { MessageStream } from "./message-stream.ts";

export interface VisitorDeps {
  chat: Chat;
  publish: Publisher;
  db: Db;
  guard: Guard;
  secrets: IdentitySecrets;
  line: WaitingLine;
  availability: () => Availability;
  /** The languages the widget offers: a message in another of them gets a switch offered. */
  languages: () => readonly string[];
  /** Customers with a widget open: availability news goes to them, replies to the others by email. */
  customers: Presence;
  now: () => number;
}

type Hello = Extract<VisitorClientFrame, { type: "hello" }>;

/** One customer's widget connection: hello first, then messages and "talk to a person". */
export function visitorConnection(deps: VisitorDeps, socket: ClientSocket) {
  const { chat, guard } = deps;
  let visitorId: number | undefined;
  /** The page the customer is on, from the hello or their latest message. */
  let page: Page | undefined;
  let stream: MessageStream | undefined;
  /** Ends the subscriptions and the customer's presence. */
  let unsubscribe: (() => void) | undefined;
  const send = (frame: VisitorServerFrame) => socket.send(JSON.stringify(frame));

  /** Live frames: messages go through the stream, so none is missed or repeated. */
  function deliver(frame: VisitorServerFrame): void {
    if (frame.type !== "message") {
      send(frame);
      return;
    }
    const { conversationId } = frame;
    if (stream?.conversationId !== conversationId) {
      // The first message of a conversation that did not exist at hello: start from zero.
      stream = new MessageStream(conversationId, 0, chat.readAfter);
    }
    for (const message of stream.next(frame.message)) send({ ...frame, message });
  }

  async function hello(frame: Hello): Promise<void> {
    const identified = await identifyVisitor(deps.db, deps.secrets, frame, deps.now(), () =>
      guard.newVisitor(socket.ip),
    );
    if ("retryAfterMs" in identified) return send(rateLimited(identified.retryAfterMs));
    unsubscribe?.();
    visitorId = identified.visitor.id;
    page = frame.page;
    const own = deps.publish.visitors.subscribe(visitorTopic(visitorId), deliver);
    const leave = deps.customers.enter(visitorId);
    unsubscribe = () => {
      own();
      leave();
    };
    // From here to the welcome nothing awaits: live messages stored after the read reach
    // `deliver` only after the stream exists, and it drops what the welcome already holds.
    const conversation = chat.visitorConversation(visitorId) ?? null;
    const resumed = conversation !== null && frame.resume?.conversationId === conversation.id;
    let backlog: WireMessage[] = [];
    stream = undefined;
    if (conversation) {
      const from = resumed ? (frame.resume?.seq ?? 0) : 0;
      ({ stream, backlog } = MessageStream.resume(conversation.id, from, chat.readAfter));
    }
    const place =
      conversation?.status === "queued" ? deps.line.placeOf(conversation.id) : undefined;
    const email = identified.visitor.contactEmail;
    send({
      type: "welcome",
      token: identified.token,
      conversation,
      messages: backlog,
      resumed,
      ...userOf(identified.visitor.userId),
      availability: deps.availability(),
      ...(place ? { place } : {}),
      ...(email ? { email } : {}),
    });
    if (identified.userRejected) {
      send({
        type: "error",
        code: "forbidden",
        message: "The user id's signature did not verify; you are chatting anonymously.",
      });
    }
  }

  async function handle(raw: unknown): Promise<void> {
    const parsed = parseFrame(visitorClientFrame, raw);
    if (!parsed.ok) return send(parsed.error);
    const frame = parsed.frame;
    switch (frame.type) {
      case "hello":
        return hello(frame);
      case "send": {
        if (visitorId === undefined) return send(notReady(frame.clientId));
        const retryAfterMs = await messageAllowed(visitorId);
        if (retryAfterMs !== undefined) return send(rateLimited(retryAfterMs, frame.clientId));
        page = frame.page ?? page;
        const { clientId, text } = frame;
        const appended = await chat.storeCustomerMessage(visitorId, { clientId, text, page });
        const language = writtenIn(text, deps.languages());
        send({
          type: "ack",
          clientId: frame.clientId,
          seq: appended.message.seq,
          ...(language ? { language } : {}),
        });
        return chat.respondTo(appended);
      }
      case "talk_to_person": {
        if (visitorId === undefined) return send(notReady());
        if (chat.startsConversation(visitorId)) {
          const retryAfterMs = await guard.newConversation(socket.ip);
          if (retryAfterMs !== undefined) return send(rateLimited(retryAfterMs));
        }
        return chat.requestPerson(visitorId);
      }
      case "typing": {
        if (visitorId !== undefined) chat.noteTyping(visitorId);
        return;
      }
      case "email": {
        if (visitorId === undefined) return send(notReady());
        await saveContactEmail(deps.db, visitorId, frame.email);
        send({ type: "email_saved", email: frame.email });
        // The agents' view of the conversation now shows where replies can go.
        const current = currentConversationOf(deps.db, visitorId);
        if (current) deps.publish.conversation(current);
        return;
      }
      case "rate": {
        if (visitorId === undefined) return send(notReady());
        const { conversationId, score, comment } = frame;
        const rating = comment ? { score, comment } : { score };
        if (!(await rateConversation(deps.db, { conversationId, visitorId, rating }, deps.now()))) {
          return send({
            type: "error",
            code: "conflict",
            message: "Only your own resolved conversation can be rated.",
          });
        }
        const rated = getConversation(deps.db, conversationId);
        if (rated) deps.publish.conversation(rated);
        return;
      }
      case "ping":
        return send({ type: "pong" });
      default: {
        const unknown: never = frame;
        throw new Error(`unhandled visitor frame ${JSON.stringify(unknown)}`);
      }
    }
  }

  /** Per connection, per address, and per address for a first message that opens a conversation. */
  async function messageAllowed(visitor: number): Promise<number | undefined> {
    return (
      (await guard.messageOnConnection(socket.id)) ??
      (await guard.messageFromIp(socket.ip)) ??
      (chat.startsConversation(visitor) ? await guard.newConversation(socket.ip) : undefined)
    );
  }

  const frames = frameHandler(socket, guard, handle, (error) => {
    console.error("visitor frame failed", { visitorId }, error);
    send({ type: "error", code: "internal", message: "Something went wrong on our side." });
  });
  return {
    ...frames,
    onClose(): void {
      unsubscribe?.();
    },
  };
}

function userOf(userId: string | null): { userId?: string } {
  return userId === null ? {} : { userId };
}

function rateLimited(retryAfterMs: number, clientId?: string): ErrorFrame {
  const error: ErrorFrame = {
    type: "error",
    code: "rate_limited",
    message: "Too many messages at once; this one will be sent again shortly.",
    retryAfterMs,
  };
  if (clientId !== undefined) error.clientId = clientId;
  return error;
}

function notReady(clientId?: string): ErrorFrame {
  const error: ErrorFrame = {
    type: "error",
    code: "not_ready",
    message: "Send a hello frame first.",
  };
  if (clientId !== undefined) error.clientId = clientId;
  return error;
}
