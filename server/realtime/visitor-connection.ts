import { parseFrame, type VisitorServerFrame, visitorClientFrame } from "../../protocol/index.ts";
import { type Chat, visitorTopic } from "../chat.ts";
import { type ClientSocket, serialHandler } from "./client-socket.ts";

/** One customer's widget connection: hello first, then messages and "talk to a person". */
export function visitorConnection(chat: Chat, socket: ClientSocket) {
  let visitorId: number | undefined;
  let unsubscribe: (() => void) | undefined;
  const send = (frame: VisitorServerFrame) => socket.send(JSON.stringify(frame));

  async function handle(raw: unknown): Promise<void> {
    const parsed = parseFrame(visitorClientFrame, raw);
    if (!parsed.ok) return send(parsed.error);
    const frame = parsed.frame;
    switch (frame.type) {
      case "hello": {
        const identity = await chat.identifyVisitor(frame.token);
        unsubscribe?.();
        visitorId = identity.visitorId;
        // Subscribe before reading the history: nothing falls between the two (the widget
        // drops what it already has by sequence number).
        unsubscribe = chat.visitors.subscribe(visitorTopic(visitorId), send);
        return send(await chat.welcome(visitorId, identity.token));
      }
      case "send": {
        if (visitorId === undefined) return send(notReady(frame.clientId));
        const appended = await chat.storeCustomerMessage(visitorId, frame.clientId, frame.text);
        send({ type: "ack", clientId: frame.clientId, seq: appended.message.seq });
        return chat.respondTo(appended);
      }
      case "talk_to_person": {
        if (visitorId === undefined) return send(notReady());
        return chat.requestPerson(visitorId);
      }
      case "typing": {
        if (visitorId !== undefined) chat.noteTyping(visitorId);
        return;
      }
      default: {
        const unknown: never = frame;
        throw new Error(`unhandled visitor frame ${JSON.stringify(unknown)}`);
      }
    }
  }

  return {
    onMessage: serialHandler(handle, (error) => {
      console.error("visitor frame failed", { visitorId }, error);
      send({ type: "error", code: "internal", message: "Something went wrong on our side." });
    }),
    onClose(): void {
      unsubscribe?.();
    },
  };
}

function notReady(clientId?: string): VisitorServerFrame {
  const error: VisitorServerFrame = {
    type: "error",
    code: "not_ready",
    message: "Send a hello frame first.",
  };
  if (clientId !== undefined) error.clientId = clientId;
  return error;
}
