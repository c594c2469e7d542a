import { assignConversation, type Db, listQueue } from "../../db/index.ts";
import { type ConversationSummary, DEFAULT_SKILL } from "../../protocol/index.ts";
import type { Publisher } from "../publisher.ts";
import { anyoneFree, planAssignments, type Waiting } from "../routing/index.ts";
import type { WaitingLine } from "../waiting-line.ts";
import type { Team } from "./team.ts";

/**
 * Who gets which handoff: runs whenever the queue or the team changes, one run at a time on
 * each node. Where several nodes plan at once, the database refuses a second assignment of a
 * conversation and an assignment past an agent's capacity, so a plan may lose a conversation
 * to another node but never overfills anyone.
 */
export function createRouter(deps: {
  db: Db;
  publish: Publisher;
  team: Team;
  line: WaitingLine;
  now: () => number;
  /** A conversation was given to an agent: they are alerted wherever they are. */
  onAssigned?: ((conversation: ConversationSummary) => void) | undefined;
}) {
  const { db, publish, team } = deps;
  let routing: Promise<void> = Promise.resolve();
  let stopped = false;

  async function assignWaiting(): Promise<void> {
    const members = await team.members();
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
      const result = await assignConversation(db, assignment, deps.now());
      publish.transition(result);
      if (result.ok) deps.onAssigned?.(result.conversation);
    }
    if (plan.length > 0) await team.publish();
  }

  return {
    /** Runs after every change that could let a waiting conversation go to someone. */
    route(): Promise<void> {
      if (stopped) return routing;
      routing = routing
        .then(assignWaiting)
        .then(deps.line.update)
        .catch((error: unknown) => {
          console.error("routing failed", error);
        });
      return routing;
    },

    /** Waits for the run in progress; nothing routes after this. */
    async stop(): Promise<void> {
      stopped = true;
      await routing;
    },
  };
}
