import {
  appendAgentMessage,
  assignConversation,
  claimConversation,
  conversationState,
  type Db,
  getConversation,
  listOpenConversations,
  listQueue,
  listTeam,
  markRead,
  readByTeam,
  readCounts,
  readTranscript,
  resolveConversation,
  setAway,
  type TeamRow,
  type TransferTarget,
  transferConversation,
} from "../db/index.ts";
import {
  type AgentServerFrame,
  type Availability,
  type ConversationSummary,
  DEFAULT_SKILL,
  type ErrorFrame,
  type TeamMember,
  type WireMessage,
} from "../protocol/index.ts";
import type { Presence } from "./presence.ts";
import { AVAILABILITY_TOPIC, type Publisher, transitionError } from "./publisher.ts";
import { anyoneFree, openingAt, planAssignments, type Waiting } from "./routing/index.ts";
import type { Settings } from "./settings-store.ts";
import type { WaitingLine } from "./waiting-line.ts";

export interface SignedInAgent {
  id: number;
  name: string;
  role: "agent" | "admin";
}

/**
 * The agents' side: who is here, who gets which handoff, and every move an agent makes on a
 * conversation. Routing runs whenever the queue or the team changes, one run at a time on
 * each node; where several nodes plan at once, the database refuses a second assignment of a
 * conversation and an assignment past an agent's capacity.
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
}) {
  const { db, publish, now } = deps;
  let routing: Promise<void> = Promise.resolve();
  /** Set at shutdown: sockets closing after it change nothing (the database is closing). */
  let stopped = false;
  /** What every open widget was last told about availability. */
  let announced: { availability: Availability; said: string } | undefined;
  /** Who was online at the last team update, to notice a node that went away with its agents. */
  let lastOnline = "";

  // Availability goes to every node, each telling its own open widgets once per change.
  const stopHearing = publish.availability.subscribe(AVAILABILITY_TOPIC, (current) => {
    const said = JSON.stringify(current);
    if (said === announced?.said) return;
    announced = { availability: current, said };
    const frame = { type: "availability", availability: current } as const;
    for (const visitorId of deps.customers.here()) publish.toVisitor(visitorId, frame);
  });

  async function team(): Promise<TeamMember[]> {
    const [rows, online] = await Promise.all([listTeam(db), deps.agents.everywhere()]);
    lastOnline = [...online].sort().join(",");
    return rows.map((row) => member(row, online.has(row.id)));
  }

  /** Within business hours, and is anyone online (not away) to answer? */
  function availability(members: TeamMember[]): Availability {
    const opening = openingAt(deps.settings.widget().hours, now());
    const agentsOnline = members.some((agent) => agent.presence === "online");
    return "opensAt" in opening && opening.opensAt !== undefined
      ? { open: opening.open, agentsOnline, opensAt: opening.opensAt }
      : { open: opening.open, agentsOnline };
  }

  /**
   * Tells every open widget when availability changed since it was last told. Runs whenever
   * the team changes, the settings change, and every half minute for business hours.
   */
  async function announceAvailability(members?: TeamMember[]): Promise<Availability> {
    const current = availability(members ?? (await team()));
    if (JSON.stringify(current) !== announced?.said) {
      publish.availability.publish(AVAILABILITY_TOPIC, current);
    }
    return current;
  }

  async function publishTeam(): Promise<void> {
    if (stopped) return;
    const members = await team();
    publish.toInbox({ type: "team", team: members });
    await announceAvailability(members);
  }

  async function assignWaiting(): Promise<void> {
    const members = await team();
    if (!anyoneFree(members)) return;
    const queue: Waiting[] = (await listQueue(db)).map((row) => ({
      conversationId: row.conversationId,
      priority: row.priority,
      skill: row.skill ?? DEFAULT_SKILL,
      language: row.language ?? "und",
      queuedAt: row.queuedAt ?? 0,
    }));
    if (queue.length === 0) return;
    const plan = planAssignments(queue, members);
    for (const assignment of plan) {
      // A refusal means someone claimed it meanwhile: nothing to publish.
      publish.transition(await assignConversation(db, assignment, now()));
    }
    if (plan.length > 0) await publishTeam();
  }

  /** Runs after every change that could let a waiting conversation go to someone. */
  function route(): Promise<void> {
    if (stopped) return routing;
    routing = routing
      .then(assignWaiting)
      .then(deps.line.update)
      .catch((error: unknown) => {
        console.error("routing failed", error);
      });
    return routing;
  }

  /** A move that may free capacity or fill the queue: the team and the router hear of it. */
  async function afterMove(result: ErrorFrame | undefined): Promise<ErrorFrame | undefined> {
    if (result) return result;
    await publishTeam();
    await route();
    return undefined;
  }

  return {
    team,
    route,
    publishTeam,
    announceAvailability,

    /**
     * What a widget saying hello is told: the last announcement, kept current by it (before the
     * first one, worked out without announcing: the widget hears it in its welcome).
     */
    async availability(): Promise<Availability> {
      return announced?.availability ?? availability(await team());
    },

    /** Waits for the routing run in progress; nothing routes or publishes after this. */
    async stop(): Promise<void> {
      stopped = true;
      stopHearing();
      await routing;
    },

    /**
     * At every heartbeat: when the agents online changed without anyone here hearing of it
     * (a node died with its sockets), everyone hears it and routing runs.
     */
    async checkPresence(): Promise<void> {
      const online = [...(await deps.agents.everywhere())].sort().join(",");
      if (online === lastOnline || stopped) return;
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
        team: await team(),
        read: await readCounts(db, agent.id),
        waitAlertSeconds: deps.settings.routing().waitAlertSeconds,
        emailEnabled: deps.emailEnabled ?? false,
      };
    },

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
      return afterMove(publish.transition(result));
    },

    async transfer(
      agent: SignedInAgent,
      input: { conversationId: number; to: TransferTarget; note?: string | undefined },
    ): Promise<ErrorFrame | undefined> {
      const { conversationId, to, note } = input;
      const move = { conversationId, by: agent.id, asAdmin: agent.role === "admin", to };
      const result = await transferConversation(db, note ? { ...move, note } : move, now());
      return afterMove(publish.transition(result));
    },

    /** A reply to the customer, or with `internal` a note for colleagues; acked once stored. */
    async write(
      agentId: number,
      frame: { conversationId: number; clientId: string; text: string },
      internal: boolean,
    ): Promise<AgentServerFrame> {
      const result = await appendAgentMessage(db, { ...frame, agentId, internal }, now());
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

function member(row: TeamRow, connected: boolean): TeamMember {
  const { away, ...fields } = row;
  return { ...fields, presence: !connected ? "offline" : away ? "away" : "online" };
}
