import { asc, eq } from "drizzle-orm";
import { type AuditEntry, recordAudit } from "./audit.ts";
import type { Db } from "./database.ts";
import { faqEntries } from "./schema.ts";

export type FaqEntry = typeof faqEntries.$inferSelect;
export type NewFaqEntry = Omit<typeof faqEntries.$inferInsert, "id">;

export async function listFaqEntries(db: Db): Promise<FaqEntry[]> {
  return db.select().from(faqEntries).orderBy(asc(faqEntries.id)).all();
}

export async function insertFaqEntries(db: Db, entries: NewFaqEntry[]): Promise<void> {
  if (entries.length === 0) return;
  db.transaction((tx) => {
    tx.insert(faqEntries).values(entries).run();
  });
}

/** Creates (no id) or replaces an entry, with its audit entry in the same transaction. */
export async function saveFaqEntry(
  db: Db,
  entry: NewFaqEntry & { id?: number },
  audit: Pick<AuditEntry, "agentId">,
): Promise<FaqEntry | undefined> {
  return db.transaction((tx) => {
    const { id, ...fields } = entry;
    const saved =
      id === undefined
        ? tx.insert(faqEntries).values(fields).returning().get()
        : tx.update(faqEntries).set(fields).where(eq(faqEntries.id, id)).returning().get();
    if (saved) {
      const action = id === undefined ? "faq_created" : "faq_updated";
      recordAudit(tx, { ...audit, action, target: `faq:${saved.id}` }, entry.updatedAt);
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
  return db.transaction((tx) => {
    const deleted = tx.delete(faqEntries).where(eq(faqEntries.id, id)).run().changes > 0;
    if (deleted) recordAudit(tx, { ...audit, action: "faq_deleted", target: `faq:${id}` }, now);
    return deleted;
  });
}
