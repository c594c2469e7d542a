import { asc } from "drizzle-orm";
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
