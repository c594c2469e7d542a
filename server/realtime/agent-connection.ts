import { type AgentServerFrame, agentClientFrame, parseFrame } from "../../protocol/index.ts";
import { type Chat, INBOX_TOPIC } from "../chat.ts";
import { type ClientSocket, serialHandler } from "./client-socket.ts";

/** One signed-in agent's inbox connection. */
export function agentConnection(
  chat: Chat,
  socket: ClientSocket,
  agent: { id: number; name: string },
) {
  const send = (frame: AgentServerFrame | undefined) => {
    if (frame) socket.send(JSON.stringify(frame));
  };
  // Subscribe before the snapshot so no change between the two is missed.
  const unsubscribe = chat.inbox.subscribe(INBOX_TOPIC, send);
  const ready = chat.inboxSnapshot(agent).then(send);

  async function handle(raw: unknown): Promise<void> {
    await ready;
    const parsed = parseFrame(agentClientFrame, raw);
    if (!parsed.ok) return send(parsed.error);
    const frame = parsed.frame;
    switch (frame.type) {
      case "open":
        return send(await chat.transcript(frame.conversationId));
      case "claim":
        return send(await chat.claim(agent.id, frame.conversationId));
      case "reply":
        return send(await chat.reply(agent.id, frame.conversationId, frame.clientId, frame.text));
      case "resolve":
        return send(await chat.resolve(agent.id, frame.conversationId));
      default: {
        const unknown: never = frame;
        throw new Error(`unhandled agent frame ${JSON.stringify(unknown)}`);
      }
    }
  }

  return {
    onMessage: serialHandler(handle, (error) => {
      console.error("agent frame failed", { agentId: agent.id }, error);
      send({ type: "error", code: "internal", message: "Something went wrong on our side." });
    }),
    onClose(): void {
      unsubscribe();
    },
  };
}
