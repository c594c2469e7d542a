import pLimit from "p-limit";
import { claimDueDeliveries, type Db, type DueDelivery, recordAttempt } from "../../db/index.ts";
import { post } from "../outbound.ts";
import { nextAttemptAt } from "../retry.ts";
import { signature } from "./signature.ts";

/** After this many failed attempts (about a day and a half at the default pace) it is given up. */
const MAX_ATTEMPTS = 12;
const CLAIM = { limit: 20, leaseMs: 2 * 60_000 };
/** How often due deliveries are looked for while any endpoint is active. */
const POLL_MS = 500;
/** Receivers posted to at once: one slow receiver does not hold up the others. */
const AT_ONCE = 5;

/**
 * Sends what `queueWebhooks` stored, from the database: a receiver that is down, or a restart,
 * delays deliveries but loses none, and one that answered 2xx is never sent again (its row
 * says so before the next is claimed). Failures wait retryMs, then twice that, and so on.
 * With several nodes, each delivery is taken by one of them.
 */
export function createDispatcher(deps: {
  db: Db;
  now: () => number;
  retryMs: number;
  allowPrivate: boolean;
}) {
  const { db, now } = deps;
  const limit = pLimit(AT_ONCE);
  let running: Promise<void> = Promise.resolve();
  let busy = false;
  let stopped = false;

  async function deliver(delivery: DueDelivery): Promise<void> {
    const schedule = { retryMs: deps.retryMs, maxAttempts: MAX_ATTEMPTS };
    const retryAt = nextAttemptAt(delivery.attempts + 1, schedule, now());
    try {
      const timestamp = Math.floor(now() / 1000);
      const headers = {
        "content-type": "application/json",
        "webhook-id": delivery.eventId,
        "webhook-timestamp": String(timestamp),
        "webhook-signature": signature(delivery, timestamp),
      };
      const request = { headers, body: delivery.payload };
      const answer = await post(delivery.url, request, { allowPrivate: deps.allowPrivate });
      const delivered = answer.status >= 200 && answer.status < 300;
      const error = delivered ? undefined : `HTTP ${answer.status}: ${answer.body}`;
      await recordAttempt(
        db,
        delivery.id,
        { status: answer.status, delivered, ...(error ? { error, retryAt } : {}) },
        now(),
      );
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await recordAttempt(db, delivery.id, { error: message, delivered: false, retryAt }, now());
    }
  }

  async function drain(): Promise<void> {
    for (let due = await claimDueDeliveries(db, now(), CLAIM); due.length > 0 && !stopped; ) {
      await Promise.all(due.map((delivery) => limit(() => deliver(delivery))));
      due = stopped ? [] : await claimDueDeliveries(db, now(), CLAIM);
    }
  }

  const timer = setInterval(() => {
    if (busy || stopped || db.subscriptions.endpoints.length === 0) return;
    busy = true;
    running = drain()
      .catch((error: unknown) => console.error("webhook deliveries failed", error))
      .finally(() => {
        busy = false;
      });
  }, POLL_MS);
  timer.unref();

  return {
    /** Lets the deliveries in flight finish; the rest waits in the database for the next start. */
    async stop(): Promise<void> {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
