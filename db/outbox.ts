import { and, asc, eq, inArray, isNotNull, lte, sql } from "drizzle-orm";
import { type Db, first, type Tables, write } from "./database.ts";

export interface OutboxEmail {
  id: number;
  to: string;
  subject: string;
  text: string;
  attempts: number;
}

/** Kept until sent: the mail server may be down, the process may restart. */
export async function queueEmail(
  db: Db,
  email: { conversationId: number; to: string; subject: string; text: string },
  now: number,
): Promise<void> {
  await write(db, (tx) =>
    tx.q.insert(tx.t.outboxEmails).values({ ...email, nextAttemptAt: now, createdAt: now }),
  );
}

/**
 * Takes the emails whose next attempt is due, oldest first, for `leaseMs`: no other node
 * takes them meanwhile (PostgreSQL skips rows another node is taking), and one whose sender
 * died is due again when the lease ends.
 */
export async function claimDueEmails(
  db: Db,
  now: number,
  options: { limit: number; leaseMs: number },
): Promise<OutboxEmail[]> {
  return write(db, async (tx) => {
    const { outboxEmails } = tx.t;
    const due = tx.q
      .select({ id: outboxEmails.id })
      .from(outboxEmails)
      .where(and(isNotNull(outboxEmails.nextAttemptAt), lte(outboxEmails.nextAttemptAt, now)))
      .orderBy(asc(outboxEmails.nextAttemptAt), asc(outboxEmails.id))
      .limit(options.limit);
    const ids = (
      tx.engine === "postgres" ? await due.for("update", { skipLocked: true }) : await due
    ).map((row) => row.id);
    if (ids.length === 0) return [];
    const claimed = await tx.q
      .update(outboxEmails)
      .set({ nextAttemptAt: now + options.leaseMs })
      .where(inArray(outboxEmails.id, ids))
      .returning({
        id: outboxEmails.id,
        to: outboxEmails.to,
        subject: outboxEmails.subject,
        text: outboxEmails.text,
        attempts: outboxEmails.attempts,
        nextAttemptAt: outboxEmails.nextAttemptAt,
      });
    return claimed.sort((a, b) => a.id - b.id).map(({ nextAttemptAt: _, ...email }) => email);
  });
}

/** When the next email is due, if any waits. */
export async function nextEmailAt(db: Db): Promise<number | undefined> {
  const { outboxEmails } = db.t;
  const rows = await db.q
    .select({ at: outboxEmails.nextAttemptAt })
    .from(outboxEmails)
    .where(isNotNull(outboxEmails.nextAttemptAt))
    .orderBy(asc(outboxEmails.nextAttemptAt))
    .limit(1);
  return first(rows)?.at ?? undefined;
}

export async function markEmailSent(db: Db, id: number, now: number): Promise<void> {
  const { outboxEmails } = db.t;
  await write(db, (tx) =>
    tx.q
      .update(outboxEmails)
      .set({ sentAt: now, nextAttemptAt: null, attempts: oneMore(db.t) })
      .where(eq(outboxEmails.id, id)),
  );
}

/** A failed attempt: tried again at `retryAt`, or never when it is undefined (given up). */
export async function markEmailFailed(
  db: Db,
  id: number,
  failure: { error: string; retryAt: number | undefined },
): Promise<void> {
  const { outboxEmails } = db.t;
  await write(db, (tx) =>
    tx.q
      .update(outboxEmails)
      .set({
        lastError: failure.error.slice(0, 500),
        nextAttemptAt: failure.retryAt ?? null,
        attempts: oneMore(db.t),
      })
      .where(eq(outboxEmails.id, id)),
  );
}

function oneMore({ outboxEmails }: Tables) {
  return sql`${outboxEmails.attempts} + 1`;
}
