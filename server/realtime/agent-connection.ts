import { type AgentServerFrame, agentClientFrame, parseFrame } from "../../protocol/index.ts";
import { type Chat, INBOX_TOPIC, transitionError } from "../chat.ts";
import type { Guard } from "../limits.ts";
import { type ClientSocket, frameHandler } from "./client-socket.ts";
import { MessageStream } from "./message-stream.ts";

/** One signed-in agent's inbox connection. */
export function agentConnection(
  deps: { chat: Chat; guard: Guard },
  socket: ClientSocket,
  agent: { id: number; name: string },
) {
  const { chat } = deps;
  /** The transcript this connection has open: its messages arrive exactly once, in order. */
  let stream: MessageStream | undefined;
  const send = (frame: AgentServerFrame | undefined) => {
    if (frame) socket.send(JSON.stringify(frame));
  };

  function deliver(frame: AgentServerFrame): void {
    if (frame.type !== "message") {
      send(frame);
      return;
    }
    if (frame.conversationId !== stream?.conversationId) return;
    for (const message of stream.next(frame.message)) send({ ...frame, message });
  }

  // Subscribe before the snapshot so no change between the two is missed.
  const unsubscribe = chat.inbox.subscribe(INBOX_TOPIC, deliver);
  const disconnected = chat.agentConnected(agent.id);
  const ready = chat.inboxSnapshot(agent).then(send);

  /** Nothing awaits between reading the transcript and sending it (see MessageStream). */
  function open(conversationId: number, afterSeq: number): AgentServerFrame {
    const conversation = chat.conversation(conversationId);
    if (!conversation) return transitionError("not_found");
    const resumed = MessageStream.resume(conversationId, afterSeq, chat.readAfter);
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
        return send(await chat.claim(agent.id, frame.conversationId));
      case "reply":
        return send(await chat.reply(agent.id, frame.conversationId, frame.clientId, frame.text));
      case "resolve":
        return send(await chat.resolve(agent.id, frame.conversationId));
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
