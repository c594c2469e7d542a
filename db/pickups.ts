import { desc, eq, gte, sql } from "drizzle-orm";
import type { Db } from "./database.ts";
import type { Tx } from "./messages.ts";
import { prepared } from "./prepared.ts";
import { conversations, pickups } from "./schema.ts";

/** One wait that ended with a person taking the conversation. */
export interface Pickup {
  skill: string;
  language: string;
  queuedAt: number;
  pickedAt: number;
}

/** Written with the claim or assignment: how long this conversation waited, and for whom. */
export function recordPickup(tx: Tx, conversationId: number, now: number): void {
  prepared(tx, pickupInsert).run({ id: conversationId, now });
}

function pickupInsert(tx: Tx) {
  return tx
    .insert(pickups)
    .select(
      tx
        .select({
          id: sql`null`.as("id"),
          conversationId: conversations.id,
          skill: sql`coalesce(${conversations.skill}, 'general')`.as("skill"),
          language: sql`coalesce(${conversations.language}, 'und')`.as("language"),
          queuedAt: sql`coalesce(${conversations.queuedAt}, ${sql.placeholder("now")})`.as(
            "queued_at",
          ),
          pickedAt: sql`${sql.placeholder("now")}`.as("picked_at"),
        })
        .from(conversations)
        .where(eq(conversations.id, sql.placeholder("id"))),
    )
    .prepare();
}

/** The newest pickups since a moment, at most `limit`: the basis of wait estimates. Synchronous. */
export function recentPickups(db: Db, since: number, limit: number): Pickup[] {
  return db
    .select({
      skill: pickups.skill,
      language: pickups.language,
      queuedAt: pickups.queuedAt,
      pickedAt: pickups.pickedAt,
    })
    .from(pickups)
    .where(gte(pickups.pickedAt, since))
    .orderBy(desc(pickups.pickedAt))
    .limit(limit)
    .all();
}
