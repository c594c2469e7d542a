import { and, count, eq, gt } from "drizzle-orm";
import type { Db } from "./database.ts";
import { agentSessions, agents } from "./schema.ts";

export type Agent = Omit<typeof agents.$inferSelect, "passwordHash">;
export type NewAgent = Omit<typeof agents.$inferInsert, "id">;

const publicColumns = {
  id: agents.id,
  email: agents.email,
  name: agents.name,
  role: agents.role,
  createdAt: agents.createdAt,
};

export async function createAgent(db: Db, agent: NewAgent): Promise<Agent> {
  return db.insert(agents).values(agent).returning(publicColumns).get();
}

export async function countAgents(db: Db): Promise<number> {
  return db.select({ n: count() }).from(agents).get()?.n ?? 0;
}

/** The agent and their password hash, for signing in. */
export async function findAgentCredentials(
  db: Db,
  email: string,
): Promise<(Agent & { passwordHash: string }) | undefined> {
  return db.select().from(agents).where(eq(agents.email, email.trim().toLowerCase())).get();
}

export async function createAgentSession(
  db: Db,
  session: typeof agentSessions.$inferInsert,
): Promise<void> {
  db.insert(agentSessions).values(session).run();
}

/** The agent behind an unexpired session, or undefined. */
export async function findSessionAgent(
  db: Db,
  tokenHash: string,
  now: number,
): Promise<Agent | undefined> {
  return db
    .select(publicColumns)
    .from(agentSessions)
    .innerJoin(agents, eq(agentSessions.agentId, agents.id))
    .where(and(eq(agentSessions.tokenHash, tokenHash), gt(agentSessions.expiresAt, now)))
    .get();
}

export async function deleteAgentSession(db: Db, tokenHash: string): Promise<void> {
  db.delete(agentSessions).where(eq(agentSessions.tokenHash, tokenHash)).run();
}
