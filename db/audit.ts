import { desc, eq, lt } from "drizzle-orm";
import { type Db, write } from "./database.ts";

const AUDIT_ACTIONS = [
  "sign_in",
  "sign_in_failed",
  "sign_out",
  "claim",
  "resolve",
  "transfer",
  "agent_created",
  "agent_updated",
  "agent_deactivated",
  "password_link_created",
  "password_set",
  "sessions_revoked",
  "faq_created",
  "faq_updated",
  "faq_deleted",
  "mark_created",
  "mark_accepted",
  "mark_rejected",
  "canned_saved",
  "canned_deleted",
  "settings_saved",
  "visitor_exported",
  "visitor_deleted",
  "webhook_created",
  "webhook_updated",
  "webhook_deleted",
  "api_token_created",
  "api_token_revoked",
  /** A reply, note, claim or resolution through the REST API: `data.token` says whose. */
  "api_write",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEntry {
  agentId: number | null;
  action: AuditAction;
  target?: string;
  data?: Record<string, unknown>;
}

/**
 * Writes one entry. Pass the transaction of the change it records, so both or neither land;
 * given the database, it is a write of its own (a sign-in).
 */
export async function recordAudit(db: Db, entry: AuditEntry, at: number): Promise<void> {
  await write(db, (tx) =>
    tx.q.insert(tx.t.auditLog).values({
      at,
      agentId: entry.agentId,
      action: entry.action,
      target: entry.target ?? null,
      data: entry.data ?? null,
    }),
  );
}

/** The newest entries first, a page at a time (`before` is the last id of the previous page). */
export async function listAudit(db: Db, page: { limit: number; before?: number }) {
  const { agents, auditLog } = db.t;
  return db.q
    .select({
      id: auditLog.id,
      at: auditLog.at,
      agentId: auditLog.agentId,
      agentName: agents.name,
      action: auditLog.action,
      target: auditLog.target,
      data: auditLog.data,
    })
    .from(auditLog)
    .leftJoin(agents, eq(auditLog.agentId, agents.id))
    .where(page.before === undefined ? undefined : lt(auditLog.id, page.before))
    .orderBy(desc(auditLog.id))
    .limit(page.limit);
}
