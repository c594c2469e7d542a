import {
  type Appended,
  appendBotAnswer,
  appendCustomerMessage,
  conversationState,
  currentConversationOf,
  type Db,
  getConversation,
  handOff,
  latestOf,
  openConversation,
  readByTeam,
  readTranscript,
  resolveByBot,
  updateHandoff,
} from "../db/index.ts";
import {
  type ConversationSummary,
  DEFAULT_SKILL,
  type Page,
  type VisitorConversation,
  type WireMessage,
} from "../protocol/index.ts";
import type { Change } from "./changes.ts";
import { loadKnowledge } from "./knowledge.ts";
import { type Publisher, visitorView } from "./publisher.ts";
import { skillFor } from "./routing/index.ts";
import type { Settings } from "./settings-store.ts";
import {
  type ConversationSoFar,
  DEFAULT_PAUSE_MS,
  type Decision,
  detectLanguage,
  type PendingMessage,
  personRequested,
  retriage,
  triage,
  UNDETERMINED,
  unsure,
} from "./triage/index.ts";

const SUGGESTIONS = 3;

export interface ChatOptions {
  db: Db;
  publish: Publisher;
  settings: Settings;
  /** Called whenever a conversation enters the queue. */
  route: () => Promise<void>;
  now?: () => number;
  /** Quiet time after a customer's message before the bot answers (never before a handoff). */
  pauseMs?: number;
  /** Tells the other nodes of a change to the FAQ or the negatives. */
  knowledgeChanged?: (change: Change) => void;
}

/** The customer's side of a conversation: what they may do, when the bot answers, when a person. */
export async function createChat({
  db,
  publish,
  settings,
  route,
  now = Date.now,
  pauseMs = DEFAULT_PAUSE_MS,
  knowledgeChanged,
}: ChatOptions) {
  const knowledge = await loadKnowledge(db, now, knowledgeChanged);
  /** The latest typing signal per visitor, and the timer that decides again after a wait. */
  const typingAt = new Map<number, number>();
  const waiting = new Map<number, NodeJS.Timeout>();
  /** Decisions a timer started, awaited at shutdown before the database closes. */
  const deciding = new Set<Promise<void>>();

  function decideLater(conversationId: number, at: number): void {
    const timer = setTimeout(() => {
      const run = decide(conversationId)
        .catch((error: unknown) => console.error("deciding failed", { conversationId }, error))
        .finally(() => deciding.delete(run));
      deciding.add(run);
    }, at - now());
    waiting.set(conversationId, timer);
  }

  /** Triage of everything the customer said since the bot or a person last spoke. */
  async function decide(conversationId: number): Promise<void> {
    clearTimeout(waiting.get(conversationId));
    waiting.delete(conversationId);
    const conversation = await getConversation(db, conversationId);
    if (conversation?.status !== "bot") return;
    const { pending, context, files } = pendingTurn(await readTranscript(db, conversationId));
    if (pending.length === 0) return;
    const triaged = triage(
      {
        pending,
        conversation: context,
        now: now(),
        typingAt: typingAt.get(conversation.visitorId),
      },
      knowledge.base,
      { pauseMs },
    );
    if (triaged.kind === "wait") return decideLater(conversationId, triaged.until);
    // The bot reads no pictures or documents: a turn with files goes to a person.
    const decision =
      files && triaged.kind !== "handoff"
        ? unsure("language" in triaged ? triaged.language : UNDETERMINED)
        : triaged;
    // The turn is decided: its typing signal is spent (and the map stays small).
    typingAt.delete(conversation.visitorId);
    await act(conversation, decision, "bot", context.lastAnswer?.faqId);
  }

  /** `afterFaqId`: the bot's answer the customer was replying to, if any. */
  async function act(
    conversation: ConversationSummary,
    decision: Decision,
    actor: "bot" | "customer",
    afterFaqId?: number,
  ): Promise<void> {
    const conversationId = conversation.id;
    switch (decision.kind) {
      case "answer": {
        const { faqId, language } = decision;
        const text = knowledge.entries.get(faqId)?.answer;
        // The entry was deleted between triage and now: a person answers instead.
        if (text === undefined) return act(conversation, unsure(language), "bot", afterFaqId);
        const message = await appendBotAnswer(db, { conversationId, text, faqId, language }, now());
        if (message) publish.message(conversation, message);
        return;
      }
      case "handoff": {
        const { kind: _, ...handoff } = decision;
        const { reasonSkills } = settings.routing();
        const skill = skillFor(handoff.reasons, reasonSkills, DEFAULT_SKILL);
        const input = { conversationId, handoff, actor, skill, afterFaqId };
        if (!publish.transition(await handOff(db, input, now()))) await route();
        return;
      }
      case "settled":
        // Thanks after an answer: the bot's work is done, and the customer may rate it.
        if (afterFaqId !== undefined) {
          publish.transition(await resolveByBot(db, { conversationId, faqId: afterFaqId }, now()));
        }
        return;
      case "wait":
        return;
      default: {
        const unknown: never = decision;
        throw new Error(`unhandled decision ${JSON.stringify(unknown)}`);
      }
    }
  }

  /**
   * A person has the conversation: the customer's new words may change why (a card used by
   * someone else after a routine question). The queue, the skill and every inbox follow.
   */
  async function followReasons(conversation: ConversationSummary, text: string): Promise<void> {
    if (!conversation.handoff) return;
    const handoff = retriage(conversation.handoff, text, knowledge.base, now());
    if (!handoff) return;
    const { reasonSkills } = settings.routing();
    const skill = skillFor(handoff.reasons, reasonSkills, DEFAULT_SKILL);
    const input = { conversationId: conversation.id, handoff, skill };
    const updated = await updateHandoff(db, input, now());
    if (!updated) return;
    publish.conversation(updated);
    if (updated.status === "queued") await route();
  }

  return {
    knowledge,

    /** The customer is typing: the bot holds its answer until they stop; a person sees it. */
    async noteTyping(visitorId: number): Promise<void> {
      typingAt.set(visitorId, now());
      const latest = await latestOf(db, visitorId);
      if (latest !== undefined && (await conversationState(db, latest))?.status !== "bot") {
        publish.toInbox({ type: "typing", conversationId: latest });
      }
    },

    /**
     * Drops the pending decisions' timers (the messages stay stored and are triaged again) and
     * waits for the decisions already running.
     */
    async stop(): Promise<void> {
      for (const timer of waiting.values()) clearTimeout(timer);
      waiting.clear();
      knowledge.stop();
      await Promise.all(deciding);
    },

    /** What the customer may see after a sequence number (see MessageStream). */
    readAfter(conversationId: number, afterSeq: number): Promise<WireMessage[]> {
      return readTranscript(db, conversationId, afterSeq, "customer");
    },

    /** The visitor's current conversation as the widget shows it. */
    async visitorConversation(visitorId: number): Promise<VisitorConversation | undefined> {
      const current = await currentConversationOf(db, visitorId);
      if (!current) return undefined;
      const readSeq = await readByTeam(db, current.id);
      return { ...visitorView(current), ...(readSeq > 0 ? { readSeq } : {}) };
    },

    /** Whether the visitor's next message starts a new conversation (limited per address). */
    async startsConversation(visitorId: number): Promise<boolean> {
      return (await latestOf(db, visitorId)) === undefined;
    },

    /** Stored before anything else happens, so the caller can acknowledge it. */
    async storeCustomerMessage(
      visitorId: number,
      message: {
        clientId: string;
        text: string;
        page?: Page | undefined;
        fileIds?: number[] | undefined;
      },
    ) {
      return appendCustomerMessage(db, { visitorId, ...message }, now());
    },

    /** After the ack: tell the other parties, then let the bot answer or hand off. */
    async respondTo(appended: Appended & { reopened?: WireMessage }): Promise<void> {
      if (appended.duplicate) return;
      const { conversation, message, reopened } = appended;
      publish.message(conversation, message);
      if (reopened) {
        publish.message(conversation, reopened);
        publish.conversation(conversation);
        await route();
      }
      if (conversation.status === "bot") await decide(conversation.id);
      else await followReasons(conversation, message.text);
    },

    /** "Talk to a person": hands off at once, before or after any message. */
    async requestPerson(visitorId: number): Promise<void> {
      const conversationId = await openConversation(db, visitorId, now());
      const conversation = await getConversation(db, conversationId);
      if (conversation?.status === "bot" || conversation?.status === "resolved") {
        // Right after a bot answer, the button says that answer was not enough.
        const afterFaqId =
          conversation.status === "bot"
            ? pendingTurn(await readTranscript(db, conversationId)).context.lastAnswer?.faqId
            : undefined;
        await act(conversation, personRequested(UNDETERMINED), "customer", afterFaqId);
      }
    },

    /** FAQ answers that fit the customer's last message, for an agent to insert and edit. */
    suggestions(
      conversation: ConversationSummary,
    ): { faqId: number; title: string; answer: string }[] {
      const text = conversation.lastMessage?.text;
      if (!text) return [];
      const detected = detectLanguage(text, conversation.language, knowledge.base.languages());
      const language = knowledge.base.covers(detected) ? detected : "en";
      return knowledge.base.rank(text, language, SUGGESTIONS).flatMap(({ faqId }) => {
        const entry = knowledge.entries.get(faqId);
        return entry ? [{ faqId, title: entry.title, answer: entry.answer }] : [];
      });
    },

    /**
     * What the bot would do with this text as a customer's first message, for the FAQ editor;
     * `language` is what the conversation was known to be in (it decides when the text is too
     * short to tell).
     */
    tryIt(text: string, language?: string): Decision & { faq?: { title: string; answer: string } } {
      const at = now();
      const conversation = { humanInvolved: false, ...(language ? { language } : {}) };
      const decision = triage(
        { pending: [{ text, at }], conversation, now: at + pauseMs },
        knowledge.base,
        { pauseMs },
      );
      if (decision.kind !== "answer") return decision;
      const entry = knowledge.entries.get(decision.faqId);
      return entry ? { ...decision, faq: { title: entry.title, answer: entry.answer } } : decision;
    },
  };
}

export type Chat = Awaited<ReturnType<typeof createChat>>;

/**
 * The customer's messages since anyone else last spoke (a burst is weighed as one), and what
 * came before: the bot's answer they may be replying to. A resolution closes the exchange
 * before it; the notice that their message reopened the conversation is not anyone speaking.
 */
export function pendingTurn(transcript: readonly WireMessage[]): {
  pending: PendingMessage[];
  context: ConversationSoFar;
  /** The customer sent files in it. */
  files: boolean;
} {
  const spoke = (message: WireMessage | undefined) =>
    message !== undefined && message.author !== "customer" && message.event !== "reopened";
  let start = transcript.length;
  while (start > 0 && !spoke(transcript[start - 1])) start--;
  const theirs = transcript.slice(start).filter((message) => message.author === "customer");
  const pending = theirs.map(({ text, at }) => ({ text, at }));
  const files = theirs.some((message) => (message.attachments?.length ?? 0) > 0);
  const context: ConversationSoFar = {
    humanInvolved: transcript.some((message) => message.author === "agent"),
  };
  const previous = transcript[start - 1];
  if (previous?.author === "bot" && previous.faq) {
    const asked = transcript.slice(0, start - 1).filter((m) => m.author === "customer");
    context.lastAnswer = { faqId: previous.faq.id, question: asked.at(-1)?.text ?? "" };
  }
  return { pending, context, files };
}
