import { type AgentServerFrame, agentClientFrame, parseFrame } from "../../protocol/index.ts";
import { accessTopic, closeFor, type EndReason } from "../agent-access.ts";
import type { Desk, SignedInAgent } from "../desk/index.ts";
import type { Files } from "../files/index.ts";
import type { Guard } from "../limits.ts";
import { INBOX_TOPIC, type Publisher, transitionError } from "../publisher.ts";
import { type ClientSocket, frameHandler } from "./client-socket.ts";
import { MessageStream } from "./message-stream.ts";

/** The longest delay a Node timer takes (about 24.8 days). */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** The session a connection was opened with. */
export interface AgentSession {
  tokenHash: string;
  expiresAt: number;
}

/**
 * One signed-in agent's inbox connection. It lasts as long as the session: it closes the
 * moment the agent signs out, an admin revokes their sessions, deactivates them or changes
 * their role, or the session expires; and every frame is checked against the session and the
 * agent as they are now (another node may have ended them), acting with their current role.
 */
export function agentConnection(
  deps: {
    desk: Desk;
    /** Adds the signed links to the files of the messages this socket receives. */
    files: Pick<Files, "links">;
    publish: Publisher;
    guard: Guard;
    now: () => number;
    /** The session's agent as stored now; undefined once it ended or they were deactivated. */
    sessionAgent: (tokenHash: string) => Promise<SignedInAgent | undefined>;
  },
  socket: ClientSocket,
  agent: SignedInAgent,
  session: AgentSession,
) {
  const { desk } = deps;
  /** The transcript this connection has open: its messages arrive exactly once, in order. */
  let stream: MessageStream | undefined;
  /** Set when access ended: nothing more reaches this socket. */
  let ended = false;
  const send = (frame: AgentServerFrame | undefined) => {
    if (frame && !ended) socket.send(JSON.stringify(deps.files.links.inFrame(frame)));
  };

  function end(why: EndReason): void {
    if (ended) return;
    ended = true;
    const { code, reason } = closeFor(why);
    socket.close(code, reason);
  }

  const stopWatching = deps.publish.access.subscribe(accessTopic(agent.id), (event) => {
    if (event.tokenHash === undefined || event.tokenHash === session.tokenHash) end(event.why);
  });
  const untilExpiry = Math.min(MAX_TIMER_MS, Math.max(0, session.expiresAt - deps.now()));
  const expiry = setTimeout(() => end("expired"), untilExpiry);
  expiry.unref();

  /** The agent as they are now, or undefined (and the socket closing) when access ended. */
  async function current(): Promise<SignedInAgent | undefined> {
    const stored = await deps.sessionAgent(session.tokenHash);
    // Ended where this node heard nothing of it (another node, or straight in the database).
    if (!stored) end(deps.now() >= session.expiresAt ? "expired" : "ended");
    else if (stored.role !== agent.role) end("role_changed");
    return ended ? undefined : stored;
  }

  function deliver(frame: AgentServerFrame): void {
    switch (frame.type) {
      case "message":
        if (frame.conversationId === stream?.conversationId) stream.push(frame.message);
        return;
      case "typing":
        if (frame.conversationId === stream?.conversationId) send(frame);
        return;
      default:
        send(frame);
    }
  }

  // Subscribe before the snapshot so no change between the two is missed.
  const unsubscribe = deps.publish.inbox.subscribe(INBOX_TOPIC, deliver);
  const disconnected = desk.connected(agent.id);
  const ready = Promise.all([deps.publish.inbox.ready(), disconnected])
    .then(() => desk.snapshot(agent))
    .then(send)
    .catch((error: unknown) => {
      console.error("inbox snapshot failed", { agentId: agent.id }, error);
      socket.close(1011, "The inbox could not be loaded. Reconnecting.");
    });

  /** The transcript after `afterSeq`, then its live messages (see MessageStream). */
  async function open(conversationId: number, afterSeq: number): Promise<void> {
    const conversation = await desk.conversation(conversationId);
    if (!conversation) return send(transitionError("not_found"));
    stream = new MessageStream(conversationId, afterSeq, desk.readAfter, (message) =>
      send({ type: "message", conversationId, message }),
    );
    await stream.resume((messages) =>
      send({ type: "transcript", conversation, afterSeq, messages }),
    );
  }

  async function handle(raw: unknown): Promise<void> {
    await ready;
    const parsed = parseFrame(agentClientFrame, raw);
    if (!parsed.ok) return send(parsed.error);
    const frame = parsed.frame;
    if (frame.type === "ping") return send({ type: "pong" });
    const actor = await current();
    if (!actor) return;
    switch (frame.type) {
      case "open":
        return open(frame.conversationId, frame.afterSeq ?? 0);
      case "claim":
        return send(await desk.claim(actor.id, frame.conversationId));
      case "reply":
        return send(await desk.write(actor.id, frame, false));
      case "note":
        return send(await desk.write(actor.id, frame, true));
      case "resolve":
        return send(await desk.resolve(actor.id, frame.conversationId));
      case "transfer":
        return send(await desk.transfer(actor, frame));
      case "typing":
        return desk.typing(actor.id, frame.conversationId);
      case "read":
        return desk.read(actor.id, frame.conversationId, frame.seq);
      case "presence":
        return desk.setPresence(actor.id, frame.status);
      default: {
        const unknown: never = frame;
        throw new Error(`unhandled agent frame ${JSON.stringify(unknown)}`);
      }
    }
  }

  const frames = frameHandler(socket, deps.guard, handle, (error) => {
    console.error("agent frame failed", { agentId: agent.id }, error);
    send({ type: "error", code: "internal", message: "Something went wrong on our side." });
  });
  return {
    ...frames,
    onClose(): void {
      ended = true;
      clearTimeout(expiry);
      stopWatching();
      unsubscribe();
      void disconnected.then((leave) => leave());
    },
  };
}
