import { and, count, eq, lte, max, sql } from "drizzle-orm";
import type { Db } from "./database.ts";
import type { Tx } from "./messages.ts";
import { agentReads, messages } from "./schema.ts";
import { grouped } from "./write-batch.ts";

/** An agent has seen a conversation up to `seq`; a mark never moves back. */
export async function markRead(
  db: Db,
  input: { agentId: number; conversationId: number; seq: number },
): Promise<void> {
  await grouped(db, (tx) =>
    tx
      .insert(agentReads)
      .values(input)
      .onConflictDoUpdate({
        target: [agentReads.agentId, agentReads.conversationId],
        set: { seq: sql`max(${agentReads.seq}, excluded.seq)` },
      })
      .run(),
  );
}

/**
 * Per conversation the agent has opened: how many of the customer's messages they have read.
 * Set against a summary's `customerMessages`, that is the unread count.
 */
export async function readCounts(db: Db, agentId: number): Promise<Record<string, number>> {
  const rows = db
    .select({ conversationId: agentReads.conversationId, read: count(messages.id) })
    .from(agentReads)
    .leftJoin(
      messages,
      and(
        eq(messages.conversationId, agentReads.conversationId),
        eq(messages.author, "customer"),
        lte(messages.seq, agentReads.seq),
      ),
    )
    .where(eq(agentReads.agentId, agentId))
    .groupBy(agentReads.conversationId)
    .all();
  return Object.fromEntries(rows.map((row) => [String(row.conversationId), row.read]));
}

/** How far any person has read the conversation: what the customer sees as "read". */
export function readByTeam(tx: Tx, conversationId: number): number {
  return (
    tx
      .select({ seq: max(agentReads.seq) })
      .from(agentReads)
      .where(eq(agentReads.conversationId, conversationId))
      .get()?.seq ?? 0
  );
}
