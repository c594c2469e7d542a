import { and, count, eq, gt, isNotNull } from "drizzle-orm";
import { type AuditEntry, recordAudit } from "./audit.ts";
import type { Db } from "./database.ts";
import { agentSessions, agents, conversations, passwordLinks } from "./schema.ts";

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

/** Every active agent with their current load. Synchronous, so routing reads one moment. */
export function listTeam(db: Db): TeamRow[] {
  const load = db
    .select({ agentId: conversations.assigneeId, assigned: count().as("assigned") })
    .from(conversations)
    .where(and(eq(conversations.status, "assigned"), isNotNull(conversations.assigneeId)))
    .groupBy(conversations.assigneeId)
    .as("load");
  return db
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
    .orderBy(agents.name)
    .all()
    .map((row) => ({ ...row, assigned: row.assigned ?? 0 }));
}

/** Changes what routing knows of an agent; false when there is no such active agent. */
export async function updateAgentProfile(
  db: Db,
  id: number,
  profile: Partial<AgentProfile>,
  audit: Pick<AuditEntry, "agentId">,
  now: number,
): Promise<boolean> {
  return db.transaction((tx) => {
    const changed = tx
      .update(agents)
      .set(profile)
      .where(and(eq(agents.id, id), eq(agents.active, true)))
      .run().changes;
    if (changed === 0) return false;
    const data = { fields: Object.keys(profile) };
    recordAudit(tx, { ...audit, action: "agent_updated", target: `agent:${id}`, data }, now);
    return true;
  });
}

/** The agent's own "away": kept across reconnects; routing skips them meanwhile. */
export async function setAway(db: Db, id: number, away: boolean): Promise<void> {
  db.update(agents).set({ away }).where(eq(agents.id, id)).run();
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
  db.transaction((tx) => {
    tx.delete(passwordLinks).where(eq(passwordLinks.agentId, link.agentId)).run();
    tx.insert(passwordLinks).values(link).run();
    if (link.purpose === "reset") {
      tx.delete(agentSessions).where(eq(agentSessions.agentId, link.agentId)).run();
    }
    const target = `agent:${link.agentId}`;
    const data = { purpose: link.purpose };
    recordAudit(tx, { ...audit, action: "password_link_created", target, data }, now);
  });
}

/** Whose link this is, while it is unused and unexpired. */
export async function findPasswordLink(
  db: Db,
  tokenHash: string,
  now: number,
): Promise<{ agentId: number; name: string; email: string } | undefined> {
  return db
    .select({ agentId: agents.id, name: agents.name, email: agents.email })
    .from(passwordLinks)
    .innerJoin(agents, eq(passwordLinks.agentId, agents.id))
    .where(
      and(
        eq(passwordLinks.tokenHash, tokenHash),
        gt(passwordLinks.expiresAt, now),
        eq(agents.active, true),
      ),
    )
    .get();
}

/** Sets the password and spends the link in one transaction; undefined when it is not valid. */
export async function usePasswordLink(
  db: Db,
  tokenHash: string,
  passwordHash: string,
  now: number,
): Promise<number | undefined> {
  return db.transaction((tx) => {
    const link = tx
      .delete(passwordLinks)
      .where(and(eq(passwordLinks.tokenHash, tokenHash), gt(passwordLinks.expiresAt, now)))
      .returning({ agentId: passwordLinks.agentId })
      .get();
    if (!link) return undefined;
    const set = tx
      .update(agents)
      .set({ passwordHash })
      .where(and(eq(agents.id, link.agentId), eq(agents.active, true)))
      .run();
    if (set.changes === 0) return undefined;
    tx.delete(agentSessions).where(eq(agentSessions.agentId, link.agentId)).run();
    recordAudit(tx, { agentId: link.agentId, action: "password_set" }, now);
    return link.agentId;
  });
}
