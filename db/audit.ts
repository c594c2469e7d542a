import { desc, eq, lt } from "drizzle-orm";
import type { Db } from "./database.ts";
import type { Tx } from "./messages.ts";
import { agents, auditLog } from "./schema.ts";

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
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEntry {
  agentId: number | null;
  action: AuditAction;
  target?: string;
  data?: Record<string, unknown>;
}

/** Writes one entry; pass the transaction of the change it records, so both or neither land. */
export function recordAudit(tx: Tx, entry: AuditEntry, at: number): void {
  tx.insert(auditLog)
    .values({
      at,
      agentId: entry.agentId,
      action: entry.action,
      target: entry.target ?? null,
      data: entry.data ?? null,
    })
    .run();
}

/** The newest entries first, a page at a time (`before` is the last id of the previous page). */
export async function listAudit(db: Db, page: { limit: number; before?: number }) {
  return db
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
    .limit(page.limit)
    .all();
}
