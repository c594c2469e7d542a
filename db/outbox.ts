import { and, asc, eq, isNotNull, lte, sql } from "drizzle-orm";
import type { Db } from "./database.ts";
import { outboxEmails } from "./schema.ts";
import { grouped } from "./write-batch.ts";

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
  await grouped(db, (tx) =>
    tx
      .insert(outboxEmails)
      .values({ ...email, nextAttemptAt: now, createdAt: now })
      .run(),
  );
}

/** Emails whose next attempt is due, oldest first. Synchronous. */
export function dueEmails(db: Db, now: number, limit: number): OutboxEmail[] {
  return db
    .select({
      id: outboxEmails.id,
      to: outboxEmails.to,
      subject: outboxEmails.subject,
      text: outboxEmails.text,
      attempts: outboxEmails.attempts,
    })
    .from(outboxEmails)
    .where(and(isNotNull(outboxEmails.nextAttemptAt), lte(outboxEmails.nextAttemptAt, now)))
    .orderBy(asc(outboxEmails.nextAttemptAt), asc(outboxEmails.id))
    .limit(limit)
    .all();
}

/** When the next email is due, if any waits. Synchronous. */
export function nextEmailAt(db: Db): number | undefined {
  const next = db
    .select({ at: outboxEmails.nextAttemptAt })
    .from(outboxEmails)
    .where(isNotNull(outboxEmails.nextAttemptAt))
    .orderBy(asc(outboxEmails.nextAttemptAt))
    .limit(1)
    .get();
  return next?.at ?? undefined;
}

export async function markEmailSent(db: Db, id: number, now: number): Promise<void> {
  await grouped(db, (tx) =>
    tx
      .update(outboxEmails)
      .set({ sentAt: now, nextAttemptAt: null, attempts: sqlIncrement() })
      .where(eq(outboxEmails.id, id))
      .run(),
  );
}

/** A failed attempt: tried again at `retryAt`, or never when it is undefined (given up). */
export async function markEmailFailed(
  db: Db,
  id: number,
  failure: { error: string; retryAt: number | undefined },
): Promise<void> {
  await grouped(db, (tx) =>
    tx
      .update(outboxEmails)
      .set({
        lastError: failure.error.slice(0, 500),
        nextAttemptAt: failure.retryAt ?? null,
        attempts: sqlIncrement(),
      })
      .where(eq(outboxEmails.id, id))
      .run(),
  );
}

function sqlIncrement() {
  return sql`${outboxEmails.attempts} + 1`;
}
