import {
  type Appended,
  appendAgentReply,
  appendBotAnswer,
  appendCustomerMessage,
  claimConversation,
  currentConversationOf,
  type Db,
  type FaqEntry,
  getConversation,
  handOff,
  latestOf,
  listFaqEntries,
  listOpenConversations,
  openConversation,
  readTranscript,
  resolveConversation,
  type TransitionResult,
} from "../db/index.ts";
import type {
  AgentServerFrame,
  ConversationSummary,
  ErrorFrame,
  VisitorConversation,
  VisitorServerFrame,
  WireMessage,
} from "../protocol/index.ts";
import { inProcessPubSub, type PubSub } from "./pubsub.ts";
import {
  type ConversationSoFar,
  DEFAULT_PAUSE_MS,
  type Decision,
  KnowledgeBase,
  type PendingMessage,
  personRequested,
  triage,
  UNDETERMINED,
  unsure,
} from "./triage/index.ts";

export const INBOX_TOPIC = "inbox";
export const visitorTopic = (visitorId: number) => `visitor:${visitorId}`;

export interface ChatOptions {
  db: Db;
  now?: () => number;
  /** Quiet time after a customer's message before the bot answers (never before a handoff). */
  pauseMs?: number;
  visitors?: PubSub<VisitorServerFrame>;
  inbox?: PubSub<AgentServerFrame>;
}

/** The conversation rules: who may write where, when the bot answers, who hears about it. */
export async function createChat({
  db,
  now = Date.now,
  pauseMs = DEFAULT_PAUSE_MS,
  visitors = inProcessPubSub(),
  inbox = inProcessPubSub(),
}: ChatOptions) {
  const knowledge = await loadKnowledge(db);
  /** The latest typing signal per visitor, and the timer that decides again after a wait. */
  const typingAt = new Map<number, number>();
  const waiting = new Map<number, NodeJS.Timeout>();
  /** Live inbox connections per agent. */
  const online = new Map<number, number>();

  function publishPresence(): void {
    inbox.publish(INBOX_TOPIC, { type: "presence", online: [...online.keys()] });
  }

  /** Triage of everything the customer said since the bot or a person last spoke. */
  async function decide(conversationId: number): Promise<void> {
    clearTimeout(waiting.get(conversationId));
    waiting.delete(conversationId);
    const conversation = getConversation(db, conversationId);
    if (conversation?.status !== "bot") return;
    const { pending, context } = pendingTurn(readTranscript(db, conversationId));
    if (pending.length === 0) return;
    const decision = triage(
      {
        pending,
        conversation: context,
        now: now(),
        typingAt: typingAt.get(conversation.visitorId),
      },
      knowledge.base,
      { pauseMs },
    );
    if (decision.kind === "wait") {
      const timer = setTimeout(() => void decide(conversationId), decision.until - now());
      waiting.set(conversationId, timer);
      return;
    }
    // The turn is decided: its typing signal is spent (and the map stays small).
    typingAt.delete(conversation.visitorId);
    await act(conversation, decision, "bot");
  }

  function publishConversation(conversation: ConversationSummary): void {
    visitors.publish(visitorTopic(conversation.visitorId), {
      type: "conversation",
      conversation: visitorView(conversation),
    });
    if (conversation.status !== "bot")
      inbox.publish(INBOX_TOPIC, { type: "conversation", conversation });
  }

  function publishMessage(conversation: ConversationSummary, message: WireMessage): void {
    visitors.publish(visitorTopic(conversation.visitorId), {
      type: "message",
      conversationId: conversation.id,
      message,
    });
    if (conversation.status !== "bot") {
      inbox.publish(INBOX_TOPIC, { type: "message", conversationId: conversation.id, message });
    }
  }

  /** Returns the error for the actor when the transition was refused. */
  function publishTransition(result: TransitionResult): ErrorFrame | undefined {
    if (!result.ok) return transitionError(result.reason);
    publishMessage(result.conversation, result.message);
    publishConversation(result.conversation);
    return undefined;
  }

  async function act(
    conversation: ConversationSummary,
    decision: Decision,
    actor: "bot" | "customer",
  ): Promise<void> {
    switch (decision.kind) {
      case "answer": {
        const text = knowledge.answers.get(decision.faqId);
        // The entry was deleted between triage and now: a person answers instead.
        if (text === undefined) return act(conversation, unsure(decision.language), "bot");
        const input = { conversationId: conversation.id, text, faqId: decision.faqId };
        const message = await appendBotAnswer(db, input, now());
        if (message) publishMessage(conversation, message);
        return;
      }
      case "handoff": {
        const { kind: _, ...handoff } = decision;
        const input = { conversationId: conversation.id, handoff, actor };
        publishTransition(await handOff(db, input, now()));
        return;
      }
      case "settled":
      case "wait":
        return;
      default: {
        const unknown: never = decision;
        throw new Error(`unhandled decision ${JSON.stringify(unknown)}`);
      }
    }
  }

  return {
    visitors,
    inbox,

    /** An admin saved an entry: the next answer uses it (edited in place, no rebuild). */
    faqSaved(entry: FaqEntry): void {
      knowledge.base.upsert({ ...entry, language: entry.lang });
      knowledge.answers.set(entry.id, entry.answer);
    },

    faqDeleted(id: number): void {
      knowledge.base.remove(id);
      knowledge.answers.delete(id);
    },

    /** The customer is typing: the bot holds its answer until they stop. */
    noteTyping(visitorId: number): void {
      typingAt.set(visitorId, now());
    },

    /** Drops the pending decisions' timers (the messages stay stored and are triaged again). */
    stop(): void {
      for (const timer of waiting.values()) clearTimeout(timer);
      waiting.clear();
    },

    /** A conversation's stored messages after a sequence number; synchronous (see MessageStream). */
    readAfter(conversationId: number, afterSeq: number): WireMessage[] {
      return readTranscript(db, conversationId, afterSeq);
    },

    /** The visitor's current conversation as the widget shows it; synchronous. */
    visitorConversation(visitorId: number): VisitorConversation | undefined {
      const current = currentConversationOf(db, visitorId);
      return current && visitorView(current);
    },

    /** Whether the visitor's next message starts a new conversation (limited per address). */
    startsConversation(visitorId: number): boolean {
      return latestOf(db, visitorId) === undefined;
    },

    /** Counts an agent's inbox connection; everyone hears when they come or go. */
    agentConnected(agentId: number): () => void {
      online.set(agentId, (online.get(agentId) ?? 0) + 1);
      if (online.get(agentId) === 1) publishPresence();
      return () => {
        const left = (online.get(agentId) ?? 1) - 1;
        if (left > 0) {
          online.set(agentId, left);
          return;
        }
        online.delete(agentId);
        publishPresence();
      };
    },

    /** Stored before anything else happens, so the caller can acknowledge it. */
    async storeCustomerMessage(visitorId: number, clientId: string, text: string) {
      return appendCustomerMessage(db, { visitorId, clientId, text }, now());
    },

    /** After the ack: tell the other parties, then let the bot answer or hand off. */
    async respondTo(appended: Appended & { reopened: boolean }): Promise<void> {
      if (appended.duplicate) return;
      const { conversation, message } = appended;
      publishMessage(conversation, message);
      if (appended.reopened) publishConversation(conversation);
      if (conversation.status !== "bot") return;
      await decide(conversation.id);
    },

    /** "Talk to a person": hands off at once, before or after any message. */
    async requestPerson(visitorId: number): Promise<void> {
      const conversationId = await openConversation(db, visitorId, now());
      const conversation = getConversation(db, conversationId);
      if (conversation?.status === "bot" || conversation?.status === "resolved") {
        await act(conversation, personRequested(UNDETERMINED), "customer");
      }
    },

    async inboxSnapshot(agent: { id: number; name: string }): Promise<AgentServerFrame> {
      const conversations = await listOpenConversations(db);
      return { type: "inbox", agent, conversations, online: [...online.keys()] };
    },

    /** Synchronous, so the caller can start its message stream where the snapshot ends. */
    conversation(conversationId: number): ConversationSummary | undefined {
      return getConversation(db, conversationId);
    },

    async claim(agentId: number, conversationId: number): Promise<ErrorFrame | undefined> {
      return publishTransition(await claimConversation(db, { conversationId, agentId }, now()));
    },

    async resolve(agentId: number, conversationId: number): Promise<ErrorFrame | undefined> {
      return publishTransition(await resolveConversation(db, { conversationId, agentId }, now()));
    },

    async reply(
      agentId: number,
      conversationId: number,
      clientId: string,
      text: string,
    ): Promise<AgentServerFrame> {
      const result = await appendAgentReply(db, { conversationId, agentId, clientId, text }, now());
      if (!result.ok) return { ...transitionError(result.reason), clientId };
      if (!result.duplicate) publishMessage(result.conversation, result.message);
      return { type: "ack", clientId, seq: result.message.seq };
    },
  };
}

export type Chat = Awaited<ReturnType<typeof createChat>>;

async function loadKnowledge(
  db: Db,
): Promise<{ base: KnowledgeBase; answers: Map<number, string> }> {
  const entries = await listFaqEntries(db);
  return {
    base: new KnowledgeBase(entries.map((entry) => ({ ...entry, language: entry.lang }))),
    answers: new Map(entries.map((entry) => [entry.id, entry.answer])),
  };
}

/**
 * The customer's messages since anyone else last spoke (a burst is weighed as one), and what
 * came before: the bot's answer they may be replying to.
 */
export function pendingTurn(transcript: readonly WireMessage[]): {
  pending: PendingMessage[];
  context: ConversationSoFar;
} {
  let start = transcript.length;
  while (start > 0 && transcript[start - 1]?.author === "customer") start--;
  const pending = transcript.slice(start).map(({ text, at }) => ({ text, at }));
  const context: ConversationSoFar = {
    humanInvolved: transcript.some((message) => message.author === "agent"),
  };
  const previous = transcript[start - 1];
  if (previous?.author === "bot" && previous.faq) {
    const asked = transcript.slice(0, start - 1).filter((m) => m.author === "customer");
    context.lastAnswer = { faqId: previous.faq.id, question: asked.at(-1)?.text ?? "" };
  }
  return { pending, context };
}

function visitorView(conversation: ConversationSummary): VisitorConversation {
  const view: VisitorConversation = { id: conversation.id, status: conversation.status };
  if (conversation.assigneeName !== undefined) view.agentName = conversation.assigneeName;
  return view;
}

export function transitionError(reason: "not_found" | "conflict"): ErrorFrame {
  return reason === "not_found"
    ? { type: "error", code: "not_found", message: "There is no such conversation." }
    : {
        type: "error",
        code: "conflict",
        message:
          "The conversation is not in a state that allows this (someone else may have acted first).",
      };
}
