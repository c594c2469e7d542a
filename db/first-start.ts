import { count, sql } from "drizzle-orm";
import type { NewAgent } from "./agents.ts";
import { type Db, write } from "./database.ts";
import type { NewFaqEntry } from "./faq.ts";

/** Held by the node filling a new database, so nodes started together fill it once. */
const FIRST_START_LOCK = 727_002;

/**
 * Fills an empty database with its first admin and FAQ, once however many nodes start at the
 * same moment; false when it was not empty.
 */
export async function fillEmptyDatabase(
  db: Db,
  admin: NewAgent,
  entries: NewFaqEntry[],
): Promise<boolean> {
  return write(db, async (tx) => {
    if (tx.engine === "postgres") {
      await tx.q.execute(sql`select pg_advisory_xact_lock(${FIRST_START_LOCK})`);
    }
    const [agents] = await tx.q.select({ n: count() }).from(tx.t.agents);
    if ((agents?.n ?? 0) > 0) return false;
    await tx.q.insert(tx.t.agents).values(admin);
    if (entries.length > 0) await tx.q.insert(tx.t.faqEntries).values(entries);
    return true;
  });
}
