import { and, eq, isNull } from "drizzle-orm";
import { type Db, first, type Tables, write } from "./database.ts";

export interface Visitor {
  id: number;
  /** The company's user id, only once its signature was verified. */
  userId: string | null;
  /** Where the customer asked replies to go when nobody could answer. */
  contactEmail: string | null;
}

function columns({ visitors }: Tables) {
  return { id: visitors.id, userId: visitors.userId, contactEmail: visitors.contactEmail };
}

export async function createVisitor(
  db: Db,
  input: { userId?: string },
  now: number,
): Promise<Visitor> {
  const [created] = await write(db, (tx) =>
    tx.q
      .insert(tx.t.visitors)
      .values({ userId: input.userId ?? null, createdAt: now })
      .returning(columns(tx.t)),
  );
  if (!created) throw new Error("no visitor was created");
  return created;
}

export async function findVisitor(db: Db, id: number): Promise<Visitor | undefined> {
  const { visitors } = db.t;
  return first(await db.q.select(columns(db.t)).from(visitors).where(eq(visitors.id, id)));
}

export async function findVisitorByUserId(db: Db, userId: string): Promise<Visitor | undefined> {
  const { visitors } = db.t;
  const rows = await db.q.select(columns(db.t)).from(visitors).where(eq(visitors.userId, userId));
  return first(rows);
}

/** Ties an anonymous visitor to a verified user; false when it already belongs to someone. */
export async function bindVisitorToUser(db: Db, id: number, userId: string): Promise<boolean> {
  const { visitors } = db.t;
  const bound = await write(db, (tx) =>
    tx.q
      .update(visitors)
      .set({ userId })
      .where(and(eq(visitors.id, id), isNull(visitors.userId)))
      .returning({ id: visitors.id }),
  );
  return bound.length > 0;
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
  if (Object.keys(set).length === 0) return;
  const { visitors } = db.t;
  await write(db, (tx) => tx.q.update(visitors).set(set).where(eq(visitors.id, id)));
}

/** Where replies go when the customer has left: typed by them, so not verified. */
export async function saveContactEmail(db: Db, visitorId: number, email: string): Promise<void> {
  const { visitors } = db.t;
  await write(db, (tx) =>
    tx.q.update(visitors).set({ contactEmail: email }).where(eq(visitors.id, visitorId)),
  );
}
