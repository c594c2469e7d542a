import type { TransitionResult } from "../db/index.ts";
import type {
  AgentServerFrame,
  Availability,
  ConversationSummary,
  ErrorFrame,
  VisitorConversation,
  VisitorServerFrame,
  WireMessage,
} from "../protocol/index.ts";
import { type AccessEnded, accessTopic } from "./agent-access.ts";
import { inProcessPubSub, type PubSub } from "./pubsub.ts";

export const INBOX_TOPIC = "inbox";
export const AVAILABILITY_TOPIC = "widgets";
export const visitorTopic = (visitorId: number) => `visitor:${visitorId}`;

/**
 * Who hears about what: every change that reaches a socket other than the sender's passes
 * here. Agents hear everything once a person is involved; the customer never hears a note.
 */
export function createPublisher(topics: <T>(kind: string) => PubSub<T> = () => inProcessPubSub()) {
  const visitors = topics<VisitorServerFrame>("visitor");
  const inbox = topics<AgentServerFrame>("inbox");
  const access = topics<AccessEnded>("access");
  /** Whether anyone can answer: every node tells its own open widgets. */
  const availability = topics<Availability>("availability");
  function conversation(summary: ConversationSummary): void {
    visitors.publish(visitorTopic(summary.visitorId), {
      type: "conversation",
      conversation: visitorView(summary),
    });
    if (summary.status !== "bot")
      inbox.publish(INBOX_TOPIC, { type: "conversation", conversation: summary });
  }

  function message(summary: ConversationSummary, sent: WireMessage): void {
    if (!sent.internal) {
      const frame = { type: "message", conversationId: summary.id, message: sent } as const;
      visitors.publish(visitorTopic(summary.visitorId), frame);
    }
    if (summary.status === "bot") return;
    inbox.publish(INBOX_TOPIC, { type: "message", conversationId: summary.id, message: sent });
    // The list's preview and unread counts follow the customer's messages.
    if (sent.author === "customer") {
      inbox.publish(INBOX_TOPIC, { type: "conversation", conversation: summary });
    }
  }

  return {
    visitors,
    inbox,
    access,
    availability,
    conversation,
    message,

    /** Returns the error for the actor when the transition was refused. */
    transition(result: TransitionResult): ErrorFrame | undefined {
      if (!result.ok) return transitionError(result.reason);
      if (result.note) message(result.conversation, result.note);
      message(result.conversation, result.message);
      conversation(result.conversation);
      return undefined;
    },

    toInbox(frame: AgentServerFrame): void {
      inbox.publish(INBOX_TOPIC, frame);
    },

    toVisitor(visitorId: number, frame: VisitorServerFrame): void {
      visitors.publish(visitorTopic(visitorId), frame);
    },

    /** An agent's sessions (or one of them) ended, or their role changed: sockets close. */
    accessEnded(ended: AccessEnded): void {
      access.publish(accessTopic(ended.agentId), ended);
    },
  };
}

export type Publisher = ReturnType<typeof createPublisher>;

export function visitorView(conversation: ConversationSummary): VisitorConversation {
  const view: VisitorConversation = { id: conversation.id, status: conversation.status };
  if (conversation.assigneeName !== undefined) view.agentName = conversation.assigneeName;
  if (conversation.rating !== undefined) view.rating = conversation.rating;
  return view;
}

export function transitionError(reason: "not_found" | "conflict" | "forbidden"): ErrorFrame {
  if (reason === "forbidden") {
    return { type: "error", code: "forbidden", message: "Your account may no longer do this." };
  }
  return reason === "not_found"
    ? { type: "error", code: "not_found", message: "There is no such conversation." }
    : {
        type: "error",
        code: "conflict",
        message:
          "The conversation is not in a state that allows this (someone else may have acted first).",
      };
}
