import { asc, eq, inArray } from "drizzle-orm";
import { type AuditEntry, recordAudit } from "./audit.ts";
import type { Db } from "./database.ts";
import { readTranscript } from "./messages.ts";
import { conversationEvents, conversations, visitors } from "./schema.ts";

/** Everything stored about one visitor, as a person asking for their data would get it. */
export async function exportVisitor(db: Db, visitorId: number, audit: AuditEntry, now: number) {
  return db.transaction((tx) => {
    const visitor = tx.select().from(visitors).where(eq(visitors.id, visitorId)).get();
    if (!visitor) return undefined;
    const rows = tx
      .select()
      .from(conversations)
      .where(eq(conversations.visitorId, visitorId))
      .orderBy(asc(conversations.id))
      .all();
    const ids = rows.map((row) => row.id);
    const events =
      ids.length === 0
        ? []
        : tx
            .select()
            .from(conversationEvents)
            .where(inArray(conversationEvents.conversationId, ids))
            .orderBy(asc(conversationEvents.id))
            .all();
    recordAudit(tx, audit, now);
    return {
      visitor,
      conversations: rows.map((row) => ({
        ...row,
        messages: readTranscript(tx, row.id, 0, "agent"),
        events: events.filter((event) => event.conversationId === row.id),
      })),
    };
  });
}

/**
 * Erases a visitor: their conversations, messages and events go with them (foreign keys
 * cascade). The audit entry keeps only the visitor's number.
 */
export async function deleteVisitor(db: Db, visitorId: number, audit: AuditEntry, now: number) {
  return db.transaction((tx) => {
    const deleted = tx.delete(visitors).where(eq(visitors.id, visitorId)).run().changes > 0;
    if (deleted) recordAudit(tx, audit, now);
    return deleted;
  });
}
