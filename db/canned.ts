import { asc, eq } from "drizzle-orm";
import { type AuditEntry, recordAudit } from "./audit.ts";
import type { Db } from "./database.ts";
import { cannedResponses } from "./schema.ts";

export type CannedResponse = typeof cannedResponses.$inferSelect;

export async function listCannedResponses(db: Db): Promise<CannedResponse[]> {
  return db.select().from(cannedResponses).orderBy(asc(cannedResponses.shortcut)).all();
}

/** Creates (no id) or replaces one; undefined when the id does not exist. */
export async function saveCannedResponse(
  db: Db,
  input: { id?: number; shortcut: string; text: string; updatedAt: number },
  audit: Pick<AuditEntry, "agentId">,
): Promise<CannedResponse | undefined> {
  return db.transaction((tx) => {
    const { id, ...fields } = input;
    const saved =
      id === undefined
        ? tx.insert(cannedResponses).values(fields).returning().get()
        : tx
            .update(cannedResponses)
            .set(fields)
            .where(eq(cannedResponses.id, id))
            .returning()
            .get();
    if (saved) {
      const target = `canned:${saved.id}`;
      recordAudit(tx, { ...audit, action: "canned_saved", target }, input.updatedAt);
    }
    return saved;
  });
}

export async function deleteCannedResponse(
  db: Db,
  id: number,
  audit: Pick<AuditEntry, "agentId">,
  now: number,
): Promise<boolean> {
  return db.transaction((tx) => {
    const deleted = tx.delete(cannedResponses).where(eq(cannedResponses.id, id)).run().changes > 0;
    if (deleted) {
      recordAudit(tx, { ...audit, action: "canned_deleted", target: `canned:${id}` }, now);
    }
    return deleted;
  });
}
