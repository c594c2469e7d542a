import { and, count, eq, gt } from "drizzle-orm";
import type { Db } from "./database.ts";
import { agentSessions, agents, conversations } from "./schema.ts";

export type Agent = Pick<
  typeof agents.$inferSelect,
  "id" | "email" | "name" | "role" | "active" | "createdAt"
>;
export type NewAgent = Omit<typeof agents.$inferInsert, "id">;

const publicColumns = {
  id: agents.id,
  email: agents.email,
  name: agents.name,
  role: agents.role,
  active: agents.active,
  createdAt: agents.createdAt,
};

export async function createAgent(db: Db, agent: NewAgent): Promise<Agent> {
  return db.insert(agents).values(agent).returning(publicColumns).get();
}

export async function countAgents(db: Db): Promise<number> {
  return db.select({ n: count() }).from(agents).get()?.n ?? 0;
}

export async function findAgentByEmail(db: Db, email: string): Promise<Agent | undefined> {
  return db.select(publicColumns).from(agents).where(eq(agents.email, email)).get();
}

/** An active agent and their password hash, for signing in. */
export async function findAgentCredentials(
  db: Db,
  email: string,
): Promise<(Agent & { passwordHash: string }) | undefined> {
  return db
    .select()
    .from(agents)
    .where(and(eq(agents.email, email.trim().toLowerCase()), eq(agents.active, true)))
    .get();
}

/**
 * Deactivates an agent, ends all their sessions and puts their open conversations back in the
 * queue, at once. Returns those conversations' ids; undefined when there is no such agent.
 */
export async function deactivateAgent(
  db: Db,
  id: number,
  now: number,
): Promise<number[] | undefined> {
  return db.transaction((tx) => {
    const changed = tx.update(agents).set({ active: false }).where(eq(agents.id, id)).run();
    tx.delete(agentSessions).where(eq(agentSessions.agentId, id)).run();
    const requeued = tx
      .update(conversations)
      // Back in the queue with the wait they already had: they keep their place.
      .set({ status: "queued", assigneeId: null, updatedAt: now })
      .where(and(eq(conversations.assigneeId, id), eq(conversations.status, "assigned")))
      .returning({ id: conversations.id })
      .all();
    return changed.changes > 0 ? requeued.map((row) => row.id) : undefined;
  });
}

export async function createAgentSession(
  db: Db,
  session: typeof agentSessions.$inferInsert,
): Promise<void> {
  db.insert(agentSessions).values(session).run();
}

/** The active agent behind an unexpired session, with when it expires, or undefined. */
export async function findSessionAgent(
  db: Db,
  tokenHash: string,
  now: number,
): Promise<(Agent & { expiresAt: number }) | undefined> {
  return db
    .select({ ...publicColumns, expiresAt: agentSessions.expiresAt })
    .from(agentSessions)
    .innerJoin(agents, eq(agentSessions.agentId, agents.id))
    .where(
      and(
        eq(agentSessions.tokenHash, tokenHash),
        gt(agentSessions.expiresAt, now),
        eq(agents.active, true),
      ),
    )
    .get();
}

export async function deleteAgentSession(db: Db, tokenHash: string): Promise<void> {
  db.delete(agentSessions).where(eq(agentSessions.tokenHash, tokenHash)).run();
}

/** Signs an agent out everywhere; returns how many sessions ended. */
export async function deleteAgentSessions(db: Db, agentId: number): Promise<number> {
  return db.delete(agentSessions).where(eq(agentSessions.agentId, agentId)).run().changes;
}
