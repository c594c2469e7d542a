import { randomBytes, randomUUID } from "node:crypto";
import { and, asc, desc, eq, inArray, isNotNull, lt, lte, sql } from "drizzle-orm";
import type {
  WebhookDelivery,
  WebhookEndpoint,
  WebhookEndpointInput,
  WebhookEvent,
} from "../protocol/index.ts";
import { type AuditEntry, recordAudit } from "./audit.ts";
import { type Db, type Tables, type Tx, write } from "./database.ts";

/** Reads the active endpoints into `db.subscriptions` (at start, and after any change). */
export async function loadSubscriptions(db: Db): Promise<void> {
  const { webhookEndpoints } = db.t;
  db.subscriptions.endpoints = await db.q
    .select({ id: webhookEndpoints.id, events: webhookEndpoints.events })
    .from(webhookEndpoints)
    .where(eq(webhookEndpoints.active, true));
}

/**
 * Inside the change's transaction: one delivery per endpoint subscribed to the event, all
 * with the same event id, due at once. Nothing is written, nor `data` made, when nobody
 * listens (every message passes here).
 */
export async function queueWebhooks(
  tx: Tx,
  type: WebhookEvent,
  data: () => Record<string, unknown>,
  at: number,
): Promise<void> {
  const endpoints = tx.subscriptions.endpoints.filter((endpoint) => endpoint.events.includes(type));
  if (endpoints.length === 0) return;
  const eventId = `evt_${randomUUID().replaceAll("-", "")}`;
  const payload = JSON.stringify({ id: eventId, type, createdAt: at, data: data() });
  await tx.q.insert(tx.t.webhookDeliveries).values(
    endpoints.map((endpoint) => ({
      endpointId: endpoint.id,
      eventId,
      type,
      payload,
      nextAttemptAt: at,
      createdAt: at,
    })),
  );
}

export async function listWebhookEndpoints(db: Db): Promise<WebhookEndpoint[]> {
  const { webhookEndpoints } = db.t;
  return db.q.select().from(webhookEndpoints).orderBy(asc(webhookEndpoints.id));
}

export async function createWebhookEndpoint(
  db: Db,
  input: WebhookEndpointInput,
  audit: Omit<AuditEntry, "action" | "target">,
  now: number,
): Promise<WebhookEndpoint> {
  const secret = `whsec_${randomBytes(24).toString("base64")}`;
  const created = await write(db, async (tx) => {
    const [row] = await tx.q
      .insert(tx.t.webhookEndpoints)
      .values({ ...input, secret, createdAt: now })
      .returning();
    if (!row) throw new Error("the webhook endpoint was not stored");
    await recordAudit(
      tx,
      { ...audit, action: "webhook_created", target: `webhook:${row.id}`, data: { url: row.url } },
      now,
    );
    return row;
  });
  await loadSubscriptions(db);
  return created;
}

export async function updateWebhookEndpoint(
  db: Db,
  id: number,
  input: WebhookEndpointInput,
  audit: Omit<AuditEntry, "action" | "target">,
  now: number,
): Promise<WebhookEndpoint | undefined> {
  const { webhookEndpoints } = db.t;
  const updated = await write(db, async (tx) => {
    const [row] = await tx.q
      .update(webhookEndpoints)
      .set(input)
      .where(eq(webhookEndpoints.id, id))
      .returning();
    if (row) {
      const data = { url: row.url, active: row.active, events: row.events };
      await recordAudit(
        tx,
        { ...audit, action: "webhook_updated", target: `webhook:${id}`, data },
        now,
      );
    }
    return row;
  });
  await loadSubscriptions(db);
  return updated;
}

/** Its deliveries, sent or waiting, go with it. */
export async function deleteWebhookEndpoint(
  db: Db,
  id: number,
  audit: Omit<AuditEntry, "action" | "target">,
  now: number,
): Promise<boolean> {
  const { webhookEndpoints } = db.t;
  const deleted = await write(db, async (tx) => {
    const rows = await tx.q
      .delete(webhookEndpoints)
      .where(eq(webhookEndpoints.id, id))
      .returning({ id: webhookEndpoints.id });
    if (rows.length > 0) {
      await recordAudit(tx, { ...audit, action: "webhook_deleted", target: `webhook:${id}` }, now);
    }
    return rows.length > 0;
  });
  await loadSubscriptions(db);
  return deleted;
}

export interface DueDelivery {
  id: number;
  eventId: string;
  payload: string;
  attempts: number;
  url: string;
  secret: string;
}

/**
 * Takes the deliveries due now, oldest first, for `leaseMs` (as the email outbox does): no
 * other node takes them meanwhile, and one whose sender died is due again when it ends.
 */
export async function claimDueDeliveries(
  db: Db,
  now: number,
  options: { limit: number; leaseMs: number },
): Promise<DueDelivery[]> {
  return write(db, async (tx) => {
    const { webhookDeliveries, webhookEndpoints } = tx.t;
    // A paused endpoint's deliveries wait until it is active again.
    const due = tx.q
      .select({ id: webhookDeliveries.id })
      .from(webhookDeliveries)
      .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
      .where(
        and(
          isNotNull(webhookDeliveries.nextAttemptAt),
          lte(webhookDeliveries.nextAttemptAt, now),
          eq(webhookEndpoints.active, true),
        ),
      )
      .orderBy(asc(webhookDeliveries.nextAttemptAt), asc(webhookDeliveries.id))
      .limit(options.limit);
    const ids = (
      tx.engine === "postgres"
        ? await due.for("update", { of: webhookDeliveries, skipLocked: true })
        : await due
    ).map((row) => row.id);
    if (ids.length === 0) return [];
    await tx.q
      .update(webhookDeliveries)
      .set({ nextAttemptAt: now + options.leaseMs })
      .where(inArray(webhookDeliveries.id, ids));
    return tx.q
      .select({
        id: webhookDeliveries.id,
        eventId: webhookDeliveries.eventId,
        payload: webhookDeliveries.payload,
        attempts: webhookDeliveries.attempts,
        url: webhookEndpoints.url,
        secret: webhookEndpoints.secret,
      })
      .from(webhookDeliveries)
      .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
      .where(inArray(webhookDeliveries.id, ids))
      .orderBy(asc(webhookDeliveries.id));
  });
}

/** The receiver answered: 2xx delivered it; anything else is tried again at `retryAt`. */
export async function recordAttempt(
  db: Db,
  id: number,
  outcome: { status?: number; error?: string; delivered: boolean; retryAt?: number | undefined },
  now: number,
): Promise<void> {
  const { webhookDeliveries } = db.t;
  await write(db, (tx) =>
    tx.q
      .update(webhookDeliveries)
      .set({
        attempts: oneMore(db.t),
        lastStatus: outcome.status ?? null,
        lastError: outcome.error?.slice(0, 500) ?? null,
        deliveredAt: outcome.delivered ? now : null,
        nextAttemptAt: outcome.delivered ? null : (outcome.retryAt ?? null),
      })
      .where(eq(webhookDeliveries.id, id)),
  );
}

/** An admin asked for another try of one that failed: due now. */
export async function retryDelivery(db: Db, id: number, now: number): Promise<boolean> {
  const { webhookDeliveries } = db.t;
  const rows = await write(db, (tx) =>
    tx.q
      .update(webhookDeliveries)
      .set({ nextAttemptAt: now })
      .where(and(eq(webhookDeliveries.id, id), sql`${webhookDeliveries.deliveredAt} is null`))
      .returning({ id: webhookDeliveries.id }),
  );
  return rows.length > 0;
}

/** The newest deliveries, for the admin's log; `before` pages back. */
export async function listDeliveries(
  db: Db,
  page: { limit: number; before?: number; endpointId?: number },
): Promise<WebhookDelivery[]> {
  const { webhookDeliveries: d } = db.t;
  const rows = await db.q
    .select()
    .from(d)
    .where(
      and(
        page.endpointId === undefined ? undefined : eq(d.endpointId, page.endpointId),
        page.before === undefined ? undefined : lt(d.id, page.before),
      ),
    )
    .orderBy(desc(d.id))
    .limit(page.limit);
  return rows.map((row) => {
    const delivery: WebhookDelivery = {
      id: row.id,
      endpointId: row.endpointId,
      eventId: row.eventId,
      type: row.type,
      attempts: row.attempts,
      createdAt: row.createdAt,
    };
    if (row.lastStatus !== null) delivery.lastStatus = row.lastStatus;
    if (row.lastError !== null) delivery.lastError = row.lastError;
    if (row.deliveredAt !== null) delivery.deliveredAt = row.deliveredAt;
    if (row.nextAttemptAt !== null) delivery.nextAttemptAt = row.nextAttemptAt;
    return delivery;
  });
}

function oneMore({ webhookDeliveries }: Tables) {
  return sql`${webhookDeliveries.attempts} + 1`;
}
