import {
  conversationState,
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
import { withFiles } from "../files/claim-error.ts";
import type { Files } from "../files/index.ts";
import type { Guard } from "../limits.ts";
import type { Transcripts } from "../mail/transcripts.ts";
import type { Presence } from "../presence.ts";
import { type Publisher, visitorTopic } from "../publisher.ts";
import type { Settings } from "../settings-store.ts";
import type { WaitingLine } from "../waiting-line.ts";
import { writtenIn } from "../widget-language.ts";
import { type ClientSocket, frameHandler } from "./client-socket.ts";
import { MessageStream } from "./message-stream.ts";

export interface VisitorDeps {
  chat: Chat;
  settings: Settings;
  /** Adds the signed links to the files of the messages this socket receives. */
  files: Pick<Files, "links">;
  publish: Publisher;
  db: Db;
  guard: Guard;
  secrets: IdentitySecrets;
  line: WaitingLine;
  availability: () => Promise<Availability>;
  /** The languages the widget offers: a message in another of them gets a switch offered. */
  languages: () => readonly string[];
  /** Sends a conversation by email; absent without SMTP. */
  transcripts: Transcripts | undefined;
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
  /** Live frames that arrived while the welcome was being prepared: they follow it. */
  let early: VisitorServerFrame[] | undefined;
  /** Ends the subscriptions and the customer's presence. */
  let unsubscribe: (() => void) | undefined;
  let closed = false;
  const send = (frame: VisitorServerFrame) =>
    socket.send(JSON.stringify(deps.files.links.inFrame(frame)));

  function streamOf(conversationId: number, afterSeq: number): MessageStream {
    return new MessageStream(conversationId, afterSeq, chat.readAfter, (message) =>
      send({ type: "message", conversationId, message }),
    );
  }

  /** Live frames: messages go through the stream, so none is missed or repeated. */
  function deliver(frame: VisitorServerFrame): void {
    if (early) {
      early.push(frame);
      return;
    }
    if (frame.type !== "message") {
      send(frame);
      return;
    }
    // The first message of a conversation that did not exist at hello: start from zero.
    if (stream?.conversationId !== frame.conversationId) stream = streamOf(frame.conversationId, 0);
    stream.push(frame.message);
  }

  /** The welcome is out: what arrived meanwhile follows it. */
  function afterWelcome(): void {
    const frames = early ?? [];
    early = undefined;
    for (const frame of frames) deliver(frame);
  }

  async function hello(frame: Hello): Promise<void> {
    const identified = await identifyVisitor(deps.db, deps.secrets, frame, deps.now(), () =>
      guard.newVisitor(socket.ip),
    );
    if ("retryAfterMs" in identified) return send(rateLimited(identified.retryAfterMs));
    unsubscribe?.();
    visitorId = identified.visitor.id;
    page = frame.page;
    early = [];
    stream = undefined;
    const own = deps.publish.visitors.subscribe(visitorTopic(visitorId), deliver);
    unsubscribe = own;
    const leave = await deps.customers.enter(visitorId);
    unsubscribe = () => {
      own();
      leave();
    };
    if (closed) return unsubscribe();
    // Subscribed before reading: whatever is stored from here on reaches `deliver`, which
    // holds it until the welcome is out; the stream drops what the welcome already holds.
    await deps.publish.visitors.ready();
    const conversation = (await chat.visitorConversation(visitorId)) ?? null;
    const resumed = conversation !== null && frame.resume?.conversationId === conversation.id;
    const availability = await deps.availability();
    const place =
      conversation?.status === "queued" ? await deps.line.placeOf(conversation.id) : undefined;
    const email = identified.visitor.contactEmail;
    const welcome = (messages: WireMessage[]) => {
      send({
        type: "welcome",
        token: identified.token,
        conversation,
        messages,
        resumed,
        ...userOf(identified.visitor.userId),
        availability,
        ...(place ? { place } : {}),
        ...(email ? { email } : {}),
      });
      afterWelcome();
    };
    if (conversation) {
      stream = streamOf(conversation.id, resumed ? (frame.resume?.seq ?? 0) : 0);
      await stream.resume(welcome);
    } else {
      welcome([]);
    }
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
        const { clientId, text, attachments: fileIds } = frame;
        const message = { clientId, text, page, fileIds };
        const sender = visitorId;
        const { perMessage } = deps.settings.files();
        const appended = await withFiles(frame, perMessage, () =>
          chat.storeCustomerMessage(sender, message),
        );
        if ("type" in appended) return send(appended);
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
        if (await chat.startsConversation(visitorId)) {
          const retryAfterMs = await guard.newConversation(socket.ip);
          if (retryAfterMs !== undefined) return send(rateLimited(retryAfterMs));
        }
        return chat.requestPerson(visitorId);
      }
      case "typing": {
        if (visitorId !== undefined) await chat.noteTyping(visitorId);
        return;
      }
      case "email": {
        if (visitorId === undefined) return send(notReady());
        await saveContactEmail(deps.db, visitorId, frame.email);
        send({ type: "email_saved", email: frame.email });
        // The agents' view of the conversation now shows where replies can go.
        const current = await currentConversationOf(deps.db, visitorId);
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
        const rated = await getConversation(deps.db, conversationId);
        if (rated) deps.publish.conversation(rated);
        return;
      }
      case "transcript": {
        if (visitorId === undefined) return send(notReady());
        if (!deps.transcripts) {
          return send({ type: "error", code: "forbidden", message: "Email is not set up here." });
        }
        const { conversationId } = frame;
        if ((await conversationState(deps.db, conversationId))?.visitorId !== visitorId) {
          return send({
            type: "error",
            code: "not_found",
            message: "There is no such conversation.",
          });
        }
        // Each one is an email to an address anyone can type: a few an hour from one address.
        const retryAfterMs = await guard.transcriptFromIp(socket.ip);
        if (retryAfterMs !== undefined) return send(rateLimited(retryAfterMs));
        await deps.transcripts.send(conversationId, frame.email, frame.lang ?? "en");
        return send({ type: "transcript_sent", conversationId, email: frame.email });
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
      ((await chat.startsConversation(visitor))
        ? await guard.newConversation(socket.ip)
        : undefined)
    );
  }

  const frames = frameHandler(socket, guard, handle, (error) => {
    console.error("visitor frame failed", { visitorId }, error);
    send({ type: "error", code: "internal", message: "Something went wrong on our side." });
  });
  return {
    ...frames,
    onClose(): void {
      closed = true;
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
