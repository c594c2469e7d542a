import { type AgentServerFrame, agentClientFrame, parseFrame } from "../../protocol/index.ts";
import type { Desk, SignedInAgent } from "../desk.ts";
import type { Guard } from "../limits.ts";
import { INBOX_TOPIC, type Publisher, transitionError } from "../publisher.ts";
import { type ClientSocket, frameHandler } from "./client-socket.ts";
import { MessageStream } from "./message-stream.ts";

/** One signed-in agent's inbox connection. */
export function agentConnection(
  deps: { desk: Desk; publish: Publisher; guard: Guard },
  socket: ClientSocket,
  agent: SignedInAgent,
) {
  const { desk } = deps;
  /** The transcript this connection has open: its messages arrive exactly once, in order. */
  let stream: MessageStream | undefined;
  const send = (frame: AgentServerFrame | undefined) => {
    if (frame) socket.send(JSON.stringify(frame));
  };

  function deliver(frame: AgentServerFrame): void {
    switch (frame.type) {
      case "message":
        if (frame.conversationId !== stream?.conversationId) return;
        for (const message of stream.next(frame.message)) send({ ...frame, message });
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
  const ready = desk.snapshot(agent).then(send);

  /** Nothing awaits between reading the transcript and sending it (see MessageStream). */
  function open(conversationId: number, afterSeq: number): AgentServerFrame {
    const conversation = desk.conversation(conversationId);
    if (!conversation) return transitionError("not_found");
    const resumed = MessageStream.resume(conversationId, afterSeq, desk.readAfter);
    stream = resumed.stream;
    return { type: "transcript", conversation, afterSeq, messages: resumed.backlog };
  }

  async function handle(raw: unknown): Promise<void> {
    await ready;
    const parsed = parseFrame(agentClientFrame, raw);
    if (!parsed.ok) return send(parsed.error);
    const frame = parsed.frame;
    switch (frame.type) {
      case "open":
        return send(open(frame.conversationId, frame.afterSeq ?? 0));
      case "claim":
        return send(await desk.claim(agent.id, frame.conversationId));
      case "reply":
        return send(await desk.write(agent.id, frame, false));
      case "note":
        return send(await desk.write(agent.id, frame, true));
      case "resolve":
        return send(await desk.resolve(agent.id, frame.conversationId));
      case "transfer":
        return send(await desk.transfer(agent, frame));
      case "typing":
        return desk.typing(agent.id, frame.conversationId);
      case "read":
        return desk.read(agent.id, frame.conversationId, frame.seq);
      case "presence":
        return desk.setPresence(agent.id, frame.status);
      case "ping":
        return send({ type: "pong" });
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
      unsubscribe();
      disconnected();
    },
  };
}
