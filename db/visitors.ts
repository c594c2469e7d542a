import { eq } from "drizzle-orm";
import type { Db } from "./database.ts";
import { visitors } from "./schema.ts";

export async function createVisitor(db: Db, tokenHash: string, now: number): Promise<number> {
  return db.insert(visitors).values({ tokenHash, createdAt: now }).returning().get().id;
}

export async function findVisitorByTokenHash(
  db: Db,
  tokenHash: string,
): Promise<number | undefined> {
  return db
    .select({ id: visitors.id })
    .from(visitors)
    .where(eq(visitors.tokenHash, tokenHash))
    .get()?.id;
}
