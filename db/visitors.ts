import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "./database.ts";
import { visitors } from "./schema.ts";
import { grouped } from "./write-batch.ts";

export interface Visitor {
  id: number;
  /** The company's user id, only once its signature was verified. */
  userId: string | null;
  /** Where the customer asked replies to go when nobody could answer. */
  contactEmail: string | null;
}

const columns = { id: visitors.id, userId: visitors.userId, contactEmail: visitors.contactEmail };

export async function createVisitor(
  db: Db,
  input: { userId?: string },
  now: number,
): Promise<Visitor> {
  return grouped(db, (tx) =>
    tx
      .insert(visitors)
      .values({ userId: input.userId ?? null, createdAt: now })
      .returning(columns)
      .get(),
  );
}

export async function findVisitor(db: Db, id: number): Promise<Visitor | undefined> {
  return db.select(columns).from(visitors).where(eq(visitors.id, id)).get();
}

export async function findVisitorByUserId(db: Db, userId: string): Promise<Visitor | undefined> {
  return db.select(columns).from(visitors).where(eq(visitors.userId, userId)).get();
}

/** Ties an anonymous visitor to a verified user; false when it already belongs to someone. */
export async function bindVisitorToUser(db: Db, id: number, userId: string): Promise<boolean> {
  const bound = db
    .update(visitors)
    .set({ userId })
    .where(and(eq(visitors.id, id), isNull(visitors.userId)))
    .returning(columns)
    .get();
  return bound !== undefined;
}

/** Name and email as the company's page gave them with a verified user id. */
export async function updateVisitorProfile(
  db: Db,
  id: number,
  profile: { name?: string | undefined; email?: string | undefined },
): Promise<void> {
  const set = {
    ...(profile.name ? { name: profile.name } : {}),
    ...(profile.email ? { email: profile.email } : {}),
  };
  if (Object.keys(set).length > 0) db.update(visitors).set(set).where(eq(visitors.id, id)).run();
}

/** Where replies go when the customer has left: typed by them, so not verified. */
export async function saveContactEmail(db: Db, visitorId: number, email: string): Promise<void> {
  await grouped(db, (tx) =>
    tx.update(visitors).set({ contactEmail: email }).where(eq(visitors.id, visitorId)).run(),
  );
}
