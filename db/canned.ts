import { asc, eq } from "drizzle-orm";
import { type AuditEntry, recordAudit } from "./audit.ts";
import { type Db, type Tables, write } from "./database.ts";

export type CannedResponse = Tables["cannedResponses"]["$inferSelect"];

export async function listCannedResponses(db: Db): Promise<CannedResponse[]> {
  const { cannedResponses } = db.t;
  return db.q.select().from(cannedResponses).orderBy(asc(cannedResponses.shortcut));
}

/** Creates (no id) or replaces one; undefined when the id does not exist. */
export async function saveCannedResponse(
  db: Db,
  input: { id?: number; shortcut: string; text: string; updatedAt: number },
  audit: Pick<AuditEntry, "agentId">,
): Promise<CannedResponse | undefined> {
  return write(db, async (tx) => {
    const { cannedResponses } = tx.t;
    const { id, ...fields } = input;
    const [saved] =
      id === undefined
        ? await tx.q.insert(cannedResponses).values(fields).returning()
        : await tx.q
            .update(cannedResponses)
            .set(fields)
            .where(eq(cannedResponses.id, id))
            .returning();
    if (saved) {
      const target = `canned:${saved.id}`;
      await recordAudit(tx, { ...audit, action: "canned_saved", target }, input.updatedAt);
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
  return write(db, async (tx) => {
    const { cannedResponses } = tx.t;
    const deleted = await tx.q
      .delete(cannedResponses)
      .where(eq(cannedResponses.id, id))
      .returning({ id: cannedResponses.id });
    if (deleted.length === 0) return false;
    await recordAudit(tx, { ...audit, action: "canned_deleted", target: `canned:${id}` }, now);
    return true;
  });
}
