import { and, count, eq, gt, isNotNull } from "drizzle-orm";
import { type AuditEntry, recordAudit } from "./audit.ts";
import { type Db, first, write } from "./database.ts";

/** An active agent as the router and the team list see them (presence is added by the server). */
export interface TeamRow {
  id: number;
  name: string;
  email: string;
  role: "agent" | "admin";
  skills: string[];
  languages: string[];
  capacity: number;
  away: boolean;
  /** Conversations assigned to them now. */
  assigned: number;
}

export type AgentProfile = Pick<TeamRow, "name" | "role" | "skills" | "languages" | "capacity">;

/** Every active agent with their current load. */
export async function listTeam(db: Db): Promise<TeamRow[]> {
  const { agents, conversations } = db.t;
  const load = db.q
    .select({ agentId: conversations.assigneeId, assigned: count().as("assigned") })
    .from(conversations)
    .where(and(eq(conversations.status, "assigned"), isNotNull(conversations.assigneeId)))
    .groupBy(conversations.assigneeId)
    .as("load");
  const rows = await db.q
    .select({
      id: agents.id,
      name: agents.name,
      email: agents.email,
      role: agents.role,
      skills: agents.skills,
      languages: agents.languages,
      capacity: agents.capacity,
      away: agents.away,
      assigned: load.assigned,
    })
    .from(agents)
    .leftJoin(load, eq(load.agentId, agents.id))
    .where(eq(agents.active, true))
    .orderBy(agents.name);
  return rows.map((row) => ({ ...row, assigned: row.assigned ?? 0 }));
}

/** Changes what routing knows of an agent; false when there is no such active agent. */
export async function updateAgentProfile(
  db: Db,
  id: number,
  profile: Partial<AgentProfile>,
  audit: Pick<AuditEntry, "agentId">,
  now: number,
): Promise<boolean> {
  return write(db, async (tx) => {
    const { agents } = tx.t;
    const changed = await tx.q
      .update(agents)
      .set(profile)
      .where(and(eq(agents.id, id), eq(agents.active, true)))
      .returning({ id: agents.id });
    if (changed.length === 0) return false;
    const data = { fields: Object.keys(profile) };
    await recordAudit(tx, { ...audit, action: "agent_updated", target: `agent:${id}`, data }, now);
    return true;
  });
}

/** The agent's own "away": kept across reconnects; routing skips them meanwhile. */
export async function setAway(db: Db, id: number, away: boolean): Promise<void> {
  const { agents } = db.t;
  await write(db, (tx) => tx.q.update(agents).set({ away }).where(eq(agents.id, id)));
}

/**
 * Stores a one-time link's token hash. A reset link also ends the agent's sessions, and only
 * the newest link of an agent works.
 */
export async function createPasswordLink(
  db: Db,
  link: { tokenHash: string; agentId: number; purpose: "invite" | "reset"; expiresAt: number },
  audit: Pick<AuditEntry, "agentId">,
  now: number,
): Promise<void> {
  await write(db, async (tx) => {
    const { agentSessions, passwordLinks } = tx.t;
    await tx.q.delete(passwordLinks).where(eq(passwordLinks.agentId, link.agentId));
    await tx.q.insert(passwordLinks).values(link);
    if (link.purpose === "reset") {
      await tx.q.delete(agentSessions).where(eq(agentSessions.agentId, link.agentId));
    }
    const target = `agent:${link.agentId}`;
    const data = { purpose: link.purpose };
    await recordAudit(tx, { ...audit, action: "password_link_created", target, data }, now);
  });
}

/** Whose link this is, while it is unused and unexpired. */
export async function findPasswordLink(
  db: Db,
  tokenHash: string,
  now: number,
): Promise<{ agentId: number; name: string; email: string } | undefined> {
  const { agents, passwordLinks } = db.t;
  const rows = await db.q
    .select({ agentId: agents.id, name: agents.name, email: agents.email })
    .from(passwordLinks)
    .innerJoin(agents, eq(passwordLinks.agentId, agents.id))
    .where(
      and(
        eq(passwordLinks.tokenHash, tokenHash),
        gt(passwordLinks.expiresAt, now),
        eq(agents.active, true),
      ),
    );
  return first(rows);
}

/** Sets the password and spends the link in one transaction; undefined when it is not valid. */
export async function usePasswordLink(
  db: Db,
  tokenHash: string,
  passwordHash: string,
  now: number,
): Promise<number | undefined> {
  return write(db, async (tx) => {
    const { agents, agentSessions, passwordLinks } = tx.t;
    const [link] = await tx.q
      .delete(passwordLinks)
      .where(and(eq(passwordLinks.tokenHash, tokenHash), gt(passwordLinks.expiresAt, now)))
      .returning({ agentId: passwordLinks.agentId });
    if (!link) return undefined;
    const set = await tx.q
      .update(agents)
      .set({ passwordHash })
      .where(and(eq(agents.id, link.agentId), eq(agents.active, true)))
      .returning({ id: agents.id });
    if (set.length === 0) return undefined;
    await tx.q.delete(agentSessions).where(eq(agentSessions.agentId, link.agentId));
    await recordAudit(tx, { agentId: link.agentId, action: "password_set" }, now);
    return link.agentId;
  });
}
