import {
  claimDueEmails,
  type Db,
  markEmailFailed,
  markEmailSent,
  nextEmailAt,
  queueEmail,
} from "../../db/index.ts";
import { nextAttemptAt } from "../retry.ts";
import type { Mail, Mailer } from "./mailer.ts";

/** After this many failed attempts (about four hours at the default pace) an email is given up. */
const MAX_ATTEMPTS = 8;
/** Emails one node takes at a time, and how long before another may take them if it died. */
const CLAIM = { limit: 5, leaseMs: 5 * 60_000 };

/**
 * Emails go into the database first and are sent from there, one at a time: a mail server
 * that is down, or a restart, delays them but loses none. Failures wait retryMs, then twice
 * that, and so on. With several nodes, each email is taken by one of them (claimDueEmails).
 */
export function createMailOutbox(deps: {
  db: Db;
  mailer: Mailer;
  now: () => number;
  retryMs: number;
}) {
  const { db, mailer, now } = deps;
  let sending: Promise<void> = Promise.resolve();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  async function drain(): Promise<void> {
    for (let due = await claimDueEmails(db, now(), CLAIM); due.length > 0 && !stopped; ) {
      for (const email of due) {
        if (stopped) return;
        try {
          await mailer.send(email);
          await markEmailSent(db, email.id, now());
        } catch (error) {
          const attempts = email.attempts + 1;
          const schedule = { retryMs: deps.retryMs, maxAttempts: MAX_ATTEMPTS };
          const retryAt = nextAttemptAt(attempts, schedule, now());
          console.error("email not sent", { id: email.id, attempts, retryAt }, error);
          await markEmailFailed(db, email.id, { error: String(error), retryAt });
        }
      }
      due = await claimDueEmails(db, now(), CLAIM);
    }
    if (!stopped) await wakeForNext();
  }

  async function wakeForNext(): Promise<void> {
    clearTimeout(timer);
    const at = await nextEmailAt(db);
    if (at !== undefined) timer = setTimeout(kick, Math.max(0, at - now())).unref();
  }

  function kick(): void {
    if (stopped) return;
    sending = sending.then(drain).catch((error: unknown) => {
      console.error("email outbox failed", error);
    });
  }

  return {
    /** Stored, then sent as soon as the mail server takes it. */
    async send(mail: Mail & { conversationId: number }): Promise<void> {
      await queueEmail(db, mail, now());
      kick();
    },
    /** At start: what a previous run left unsent. */
    start: kick,
    /** Lets the email being sent finish; the rest waits in the database for the next start. */
    async stop(): Promise<void> {
      stopped = true;
      clearTimeout(timer);
      await sending;
    },
  };
}

export type MailOutbox = ReturnType<typeof createMailOutbox>;
