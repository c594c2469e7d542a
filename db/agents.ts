import { and, count, eq, gt, isNull } from "drizzle-orm";
import { type AuditEntry, recordAudit } from "./audit.ts";
import { type Db, first, type Tables, write } from "./database.ts";

type AgentRow = Tables["agents"]["$inferSelect"];
export type Agent = Pick<AgentRow, "id" | "email" | "name" | "role" | "active" | "createdAt">;
export type NewAgent = Omit<Tables["agents"]["$inferInsert"], "id">;

function publicColumns({ agents }: Tables) {
  return {
    id: agents.id,
    email: agents.email,
    name: agents.name,
    role: agents.role,
    active: agents.active,
    createdAt: agents.createdAt,
  };
}

/** A new agent; `by`, the admin who added them, is audited with it. */
export async function createAgent(
  db: Db,
  agent: NewAgent,
  by?: AuditEntry["agentId"],
): Promise<Agent> {
  return write(db, async (tx) => {
    const [created] = await tx.q.insert(tx.t.agents).values(agent).returning(publicColumns(tx.t));
    if (!created) throw new Error(`agent ${agent.email} was not created`);
    if (by !== undefined) {
      const entry = {
        agentId: by,
        action: "agent_created",
        target: `agent:${created.id}`,
      } as const;
      await recordAudit(tx, entry, agent.createdAt);
    }
    return created;
  });
}

export async function countAgents(db: Db): Promise<number> {
  return first(await db.q.select({ n: count() }).from(db.t.agents))?.n ?? 0;
}

export async function findAgentByEmail(db: Db, email: string): Promise<Agent | undefined> {
  const { agents } = db.t;
  return first(await db.q.select(publicColumns(db.t)).from(agents).where(eq(agents.email, email)));
}

/** An active agent and their password hash, for signing in. */
export async function findAgentCredentials(
  db: Db,
  email: string,
): Promise<(Agent & { passwordHash: string }) | undefined> {
  const { agents } = db.t;
  const active = and(eq(agents.email, email.trim().toLowerCase()), eq(agents.active, true));
  return first(await db.q.select().from(agents).where(active));
}

/**
 * Deactivates an agent, ends all their sessions and puts their open conversations back in the
 * queue, at once. Returns those conversations' ids; undefined when there is no such agent.
 */
export async function deactivateAgent(
  db: Db,
  id: number,
  audit: Pick<AuditEntry, "agentId">,
  now: number,
): Promise<number[] | undefined> {
  return write(db, async (tx) => {
    const { agents, agentPresence, agentSessions, conversations } = tx.t;
    const changed = await tx.q
      .update(agents)
      .set({ active: false })
      .where(eq(agents.id, id))
      .returning({ id: agents.id });
    if (changed.length === 0) return undefined;
    await tx.q.delete(agentSessions).where(eq(agentSessions.agentId, id));
    // Their sockets close now: the presence they had ends with the account.
    await tx.q
      .update(agentPresence)
      .set({ endedAt: now })
      .where(and(eq(agentPresence.agentId, id), isNull(agentPresence.endedAt)));
    const requeued = await tx.q
      .update(conversations)
      // Back in the queue with the wait they already had: they keep their place.
      .set({ status: "queued", assigneeId: null, updatedAt: now })
      .where(and(eq(conversations.assigneeId, id), eq(conversations.status, "assigned")))
      .returning({ id: conversations.id });
    await recordAudit(tx, { ...audit, action: "agent_deactivated", target: `agent:${id}` }, now);
    return requeued.map((row) => row.id);
  });
}

/** A signed-in agent's session, audited with the address they signed in from. */
export async function createAgentSession(
  db: Db,
  session: Tables["agentSessions"]["$inferInsert"],
  ip: string,
): Promise<void> {
  await write(db, async (tx) => {
    await tx.q.insert(tx.t.agentSessions).values(session);
    const entry = { agentId: session.agentId, action: "sign_in", data: { ip } } as const;
    await recordAudit(tx, entry, session.createdAt);
  });
}

/** The active agent behind an unexpired session, with when it expires, or undefined. */
export async function findSessionAgent(
  db: Db,
  tokenHash: string,
  now: number,
): Promise<(Agent & { expiresAt: number }) | undefined> {
  const { agents, agentSessions } = db.t;
  const rows = await db.q
    .select({ ...publicColumns(db.t), expiresAt: agentSessions.expiresAt })
    .from(agentSessions)
    .innerJoin(agents, eq(agentSessions.agentId, agents.id))
    .where(
      and(
        eq(agentSessions.tokenHash, tokenHash),
        gt(agentSessions.expiresAt, now),
        eq(agents.active, true),
      ),
    );
  return first(rows);
}

/** Signs one session out, audited; returns whose it was, undefined when there was none. */
export async function deleteAgentSession(
  db: Db,
  tokenHash: string,
  now: number,
): Promise<number | undefined> {
  return write(db, async (tx) => {
    const { agentSessions } = tx.t;
    const [ended] = await tx.q
      .delete(agentSessions)
      .where(eq(agentSessions.tokenHash, tokenHash))
      .returning({ agentId: agentSessions.agentId });
    if (ended) await recordAudit(tx, { agentId: ended.agentId, action: "sign_out" }, now);
    return ended?.agentId;
  });
}

/** An admin signs an agent out everywhere, audited; returns how many sessions ended. */
export async function deleteAgentSessions(
  db: Db,
  agentId: number,
  audit: Pick<AuditEntry, "agentId">,
  now: number,
): Promise<number> {
  return write(db, async (tx) => {
    const { agentSessions } = tx.t;
    const ended = await tx.q
      .delete(agentSessions)
      .where(eq(agentSessions.agentId, agentId))
      .returning({ tokenHash: agentSessions.tokenHash });
    const data = { ended: ended.length };
    const entry = { action: "sessions_revoked", target: `agent:${agentId}`, data } as const;
    await recordAudit(tx, { ...audit, ...entry }, now);
    return ended.length;
  });
}
