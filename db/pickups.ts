import { desc, eq, gte } from "drizzle-orm";
import type { Db, Tx } from "./database.ts";

/** One wait that ended with a person taking the conversation. */
export interface Pickup {
  skill: string;
  language: string;
  queuedAt: number;
  pickedAt: number;
}

/** Written with the claim or assignment: how long this conversation waited, and for whom. */
export async function recordPickup(tx: Tx, conversationId: number, now: number): Promise<void> {
  const { conversations, pickups } = tx.t;
  const [waited] = await tx.q
    .select({
      skill: conversations.skill,
      language: conversations.language,
      queuedAt: conversations.queuedAt,
    })
    .from(conversations)
    .where(eq(conversations.id, conversationId));
  if (!waited) return;
  await tx.q.insert(pickups).values({
    conversationId,
    skill: waited.skill ?? "general",
    language: waited.language ?? "und",
    queuedAt: waited.queuedAt ?? now,
    pickedAt: now,
  });
}

/** The newest pickups since a moment, at most `limit`: the basis of wait estimates. */
export async function recentPickups(db: Db, since: number, limit: number): Promise<Pickup[]> {
  const { pickups } = db.t;
  return db.q
    .select({
      skill: pickups.skill,
      language: pickups.language,
      queuedAt: pickups.queuedAt,
      pickedAt: pickups.pickedAt,
    })
    .from(pickups)
    .where(gte(pickups.pickedAt, since))
    .orderBy(desc(pickups.pickedAt))
    .limit(limit);
}
