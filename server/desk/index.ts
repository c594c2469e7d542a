import {
  appendAgentMessage,
  claimConversation,
  conversationState,
  type Db,
  getConversation,
  listOpenConversations,
  markRead,
  readByTeam,
  readCounts,
  readTranscript,
  resolveConversation,
  setAway,
  type TransferTarget,
  transferConversation,
} from "../../db/index.ts";
import {
  type AgentServerFrame,
  type ConversationSummary,
  type ErrorFrame,
  fileLimits,
  type WireMessage,
} from "../../protocol/index.ts";
import { withFiles } from "../files/claim-error.ts";
import type { Presence } from "../presence.ts";
import { type Publisher, transitionError } from "../publisher.ts";
import type { Settings } from "../settings-store.ts";
import type { WaitingLine } from "../waiting-line.ts";
import { createRouter } from "./router.ts";
import { createTeam } from "./team.ts";

export interface SignedInAgent {
  id: number;
  name: string;
  role: "agent" | "admin";
}

/**
 * The agents' side: who is here (team.ts), who gets which handoff (router.ts), and every move
 * an agent makes on a conversation (here). Each node runs one beside the others: what they
 * share is in the database and on the bus.
 */
export function createDesk(deps: {
  db: Db;
  publish: Publisher;
  settings: Settings;
  line: WaitingLine;
  /** Agents with the inbox open, on any node. */
  agents: Presence;
  /** Customers with a widget open, who hear when availability changes. */
  customers: Presence;
  now: () => number;
  /** Told of every reply an agent sends the customer (email for a customer who left). */
  onReply?: (conversation: ConversationSummary, reply: WireMessage) => void;
  /** SMTP is configured, so replies can reach a customer who left. */
  emailEnabled?: boolean;
  /** A conversation was given to an agent (by the router or a colleague): alert them. */
  onAssigned?: (conversation: ConversationSummary) => void;
  /** An agent resolved a conversation (the transcript may go out by email). */
  onResolved?: (conversation: ConversationSummary) => void;
}) {
  const { db, publish, now } = deps;
  const emailEnabled = deps.emailEnabled ?? false;
  const team = createTeam(deps);
  const router = createRouter({ ...deps, team });
  const { route } = router;
  const publishTeam = team.publish;

  /** A move that may free capacity or fill the queue: the team and the router hear of it. */
  async function afterMove(result: ErrorFrame | undefined): Promise<ErrorFrame | undefined> {
    if (result) return result;
    await publishTeam();
    await route();
    return undefined;
  }

  return {
    team: team.members,
    route,
    publishTeam,
    announceAvailability: team.announceAvailability,
    availability: team.availability,

    /** Waits for the routing run in progress; nothing routes or publishes after this. */
    async stop(): Promise<void> {
      team.stop();
      await router.stop();
    },

    /**
     * At every heartbeat: when the agents online changed without anyone here hearing of it
     * (a node died with its sockets), everyone hears it and routing runs.
     */
    async checkPresence(): Promise<void> {
      if (!(await team.changedUnheard())) return;
      await publishTeam();
      await route();
    },

    /** Conversations put back in the queue outside a transition (their agent was deactivated). */
    async requeued(conversationIds: number[]): Promise<void> {
      for (const id of conversationIds) {
        const summary = await getConversation(db, id);
        if (summary) publish.conversation(summary);
      }
      await publishTeam();
      await route();
    },

    /** Counts an agent's inbox connection; settles to what to call when it closes. */
    async connected(agentId: number): Promise<() => void> {
      const arriving = !(await deps.agents.has(agentId));
      const leave = await deps.agents.enter(agentId);
      if (arriving) void publishTeam().then(route, failed("publishing the team"));
      return () => {
        leave();
        void deps.agents
          .has(agentId)
          .then((still) => (still ? undefined : publishTeam()))
          .catch(failed("publishing the team"));
      };
    },

    async setPresence(agentId: number, status: "online" | "away"): Promise<void> {
      await setAway(db, agentId, status === "away");
      await publishTeam();
      if (status === "online") await route();
    },

    async snapshot(agent: SignedInAgent): Promise<AgentServerFrame> {
      return {
        type: "inbox",
        agent,
        conversations: await listOpenConversations(db),
        team: await team.members(),
        read: await readCounts(db, agent.id),
        waitAlertSeconds: deps.settings.routing().waitAlertSeconds,
        emailEnabled,
        files: fileLimits(deps.settings.files()),
      };
    },

    /** SMTP is configured: emails (replies, alerts, transcripts) can be sent. */
    emailEnabled,

    conversation(conversationId: number): Promise<ConversationSummary | undefined> {
      return getConversation(db, conversationId);
    },

    /** Everything agents may see of a conversation after a sequence number, notes included. */
    readAfter(conversationId: number, afterSeq: number): Promise<WireMessage[]> {
      return readTranscript(db, conversationId, afterSeq, "agent");
    },

    async claim(agentId: number, conversationId: number): Promise<ErrorFrame | undefined> {
      const result = await claimConversation(db, { conversationId, agentId }, now());
      return afterMove(publish.transition(result));
    },

    async resolve(agentId: number, conversationId: number): Promise<ErrorFrame | undefined> {
      const result = await resolveConversation(db, { conversationId, agentId }, now());
      if (result.ok) deps.onResolved?.(result.conversation);
      return afterMove(publish.transition(result));
    },

    async transfer(
      agent: SignedInAgent,
      input: { conversationId: number; to: TransferTarget; note?: string | undefined },
    ): Promise<ErrorFrame | undefined> {
      const { conversationId, to, note } = input;
      const move = { conversationId, by: agent.id, asAdmin: agent.role === "admin", to };
      const result = await transferConversation(db, note ? { ...move, note } : move, now());
      if (result.ok && "agentId" in to) deps.onAssigned?.(result.conversation);
      return afterMove(publish.transition(result));
    },

    /** A reply to the customer, or with `internal` a note for colleagues; acked once stored. */
    async write(
      agentId: number,
      frame: {
        conversationId: number;
        clientId: string;
        text: string;
        attachments?: number[] | undefined;
      },
      internal: boolean,
    ): Promise<AgentServerFrame> {
      const input = { ...frame, agentId, internal, fileIds: frame.attachments };
      const { perMessage } = deps.settings.files();
      const result = await withFiles(frame, perMessage, () => appendAgentMessage(db, input, now()));
      if ("type" in result) return result;
      if (!result.ok) return { ...transitionError(result.reason), clientId: frame.clientId };
      if (!result.duplicate) {
        publish.message(result.conversation, result.message);
        if (!internal) deps.onReply?.(result.conversation, result.message);
      }
      return { type: "ack", clientId: frame.clientId, seq: result.message.seq };
    },

    /** The agent is writing: the customer sees it while the conversation is theirs. */
    async typing(agentId: number, conversationId: number): Promise<void> {
      const conversation = await conversationState(db, conversationId);
      if (conversation?.status !== "assigned" || conversation.assigneeId !== agentId) return;
      publish.toVisitor(conversation.visitorId, { type: "typing" });
    },

    /** The agent saw the conversation up to `seq`: their unread count, the customer's "read". */
    async read(agentId: number, conversationId: number, seq: number): Promise<void> {
      const conversation = await conversationState(db, conversationId);
      if (!conversation || conversation.status === "bot") return;
      await markRead(db, { agentId, conversationId, seq: Math.min(seq, conversation.lastSeq) });
      const readSeq = await readByTeam(db, conversationId);
      publish.toVisitor(conversation.visitorId, { type: "read", conversationId, seq: readSeq });
    },
  };
}

export type Desk = ReturnType<typeof createDesk>;

function failed(what: string) {
  return (error: unknown) => console.error(`${what} failed`, error);
}
