import { and, eq, isNull } from "drizzle-orm";
import type { Presence } from "../protocol/index.ts";
import { type Db, write } from "./database.ts";
import { lockAgent } from "./locks.ts";

/**
 * Writes down the agents whose presence changed: the stretch they were in ends now and, unless
 * they went offline, a new one starts. Under each agent's lock, so nodes that notice the same
 * change at once write it once.
 */
export async function recordPresence(
  db: Db,
  changes: ReadonlyMap<number, Presence>,
  now: number,
): Promise<void> {
  if (changes.size === 0) return;
  await write(db, async (tx) => {
    const { agentPresence } = tx.t;
    for (const [agentId, presence] of changes) {
      await lockAgent(tx, agentId);
      const open = and(eq(agentPresence.agentId, agentId), isNull(agentPresence.endedAt));
      const [current] = await tx.q
        .select({ state: agentPresence.state })
        .from(agentPresence)
        .where(open);
      if (current?.state === presence) continue;
      if (current) await tx.q.update(agentPresence).set({ endedAt: now }).where(open);
      if (presence !== "offline") {
        await tx.q.insert(agentPresence).values({ agentId, state: presence, startedAt: now });
      }
    }
  });
}
