import { eq } from "drizzle-orm";
import type { Tx } from "./database.ts";

/**
 * Row locks held until the transaction ends, so two writers of the same conversation or
 * visitor take turns: on PostgreSQL two nodes (or two connections of one) write at once.
 * A write takes its conversation's lock before anything else touches the row (a visitor's
 * first), so no two writes wait on each other. SQLite runs one write transaction at a time,
 * so there the lock is the transaction itself.
 */
export async function lockConversation(tx: Tx, id: number): Promise<boolean> {
  if (tx.engine === "sqlite") return true;
  const { conversations } = tx.t;
  const rows = await tx.q
    .select({ id: conversations.id })
    .from(conversations)
    .where(eq(conversations.id, id))
    .for("update");
  return rows.length > 0;
}

export async function lockAgent(tx: Tx, id: number): Promise<void> {
  if (tx.engine === "sqlite") return;
  const { agents } = tx.t;
  await tx.q.select({ id: agents.id }).from(agents).where(eq(agents.id, id)).for("update");
}

export async function lockVisitor(tx: Tx, id: number): Promise<void> {
  if (tx.engine === "sqlite") return;
  const { visitors } = tx.t;
  await tx.q.select({ id: visitors.id }).from(visitors).where(eq(visitors.id, id)).for("update");
}
