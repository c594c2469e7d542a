import { and, count, eq, lte, max, sql } from "drizzle-orm";
import { type Db, first, write } from "./database.ts";

/** An agent has seen a conversation up to `seq`; a mark never moves back. */
export async function markRead(
  db: Db,
  input: { agentId: number; conversationId: number; seq: number },
): Promise<void> {
  const { agentReads } = db.t;
  await write(db, (tx) =>
    tx.q
      .insert(agentReads)
      .values(input)
      .onConflictDoUpdate({
        target: [agentReads.agentId, agentReads.conversationId],
        set: {
          seq: sql`case when excluded.seq > ${agentReads.seq} then excluded.seq else ${agentReads.seq} end`,
        },
      }),
  );
}

/**
 * Per conversation the agent has opened: how many of the customer's messages they have read.
 * Set against a summary's `customerMessages`, that is the unread count.
 */
export async function readCounts(db: Db, agentId: number): Promise<Record<string, number>> {
  const { agentReads, messages } = db.t;
  const rows = await db.q
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
    .groupBy(agentReads.conversationId);
  return Object.fromEntries(rows.map((row) => [String(row.conversationId), row.read]));
}

/** How far any person has read the conversation: what the customer sees as "read". */
export async function readByTeam(db: Db, conversationId: number): Promise<number> {
  const { agentReads } = db.t;
  const rows = await db.q
    .select({ seq: max(agentReads.seq) })
    .from(agentReads)
    .where(eq(agentReads.conversationId, conversationId));
  return first(rows)?.seq ?? 0;
}
