import { asc, eq } from "drizzle-orm";
import { type AuditEntry, recordAudit } from "./audit.ts";
import { type Db, first, type Tables, write } from "./database.ts";

export type FaqEntry = Tables["faqEntries"]["$inferSelect"];
export type NewFaqEntry = Omit<Tables["faqEntries"]["$inferInsert"], "id">;

export async function listFaqEntries(db: Db): Promise<FaqEntry[]> {
  const { faqEntries } = db.t;
  return db.q.select().from(faqEntries).orderBy(asc(faqEntries.id));
}

export async function findFaqEntry(db: Db, id: number): Promise<FaqEntry | undefined> {
  const { faqEntries } = db.t;
  return first(await db.q.select().from(faqEntries).where(eq(faqEntries.id, id)));
}

export async function insertFaqEntries(db: Db, entries: NewFaqEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await write(db, (tx) => tx.q.insert(tx.t.faqEntries).values(entries));
}

/** Creates (no id) or replaces an entry, with its audit entry in the same transaction. */
export async function saveFaqEntry(
  db: Db,
  entry: NewFaqEntry & { id?: number },
  audit: Pick<AuditEntry, "agentId">,
): Promise<FaqEntry | undefined> {
  return write(db, async (tx) => {
    const { faqEntries } = tx.t;
    const { id, ...fields } = entry;
    const [saved] =
      id === undefined
        ? await tx.q.insert(faqEntries).values(fields).returning()
        : await tx.q.update(faqEntries).set(fields).where(eq(faqEntries.id, id)).returning();
    if (saved) {
      const action = id === undefined ? "faq_created" : "faq_updated";
      await recordAudit(tx, { ...audit, action, target: `faq:${saved.id}` }, entry.updatedAt);
    }
    return saved;
  });
}

export async function deleteFaqEntry(
  db: Db,
  id: number,
  audit: Pick<AuditEntry, "agentId">,
  now: number,
): Promise<boolean> {
  return write(db, async (tx) => {
    const { faqEntries } = tx.t;
    const deleted = await tx.q
      .delete(faqEntries)
      .where(eq(faqEntries.id, id))
      .returning({ id: faqEntries.id });
    if (deleted.length === 0) return false;
    await recordAudit(tx, { ...audit, action: "faq_deleted", target: `faq:${id}` }, now);
    return true;
  });
}
