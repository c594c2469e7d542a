import { and, eq, inArray, isNotNull, lt, sql } from "drizzle-orm";
import { type Db, first, write } from "./database.ts";

/** The stored VAPID keys, or `made` stored first when there are none (any node may be first). */
export async function vapidKeys(
  db: Db,
  made: () => { publicKey: string; privateKey: string },
  now: number,
): Promise<{ publicKey: string; privateKey: string }> {
  const { pushKeys } = db.t;
  const read = async () =>
    first(
      await db.q
        .select({ publicKey: pushKeys.publicKey, privateKey: pushKeys.privateKey })
        .from(pushKeys)
        .where(eq(pushKeys.id, 1)),
    );
  const stored = await read();
  if (stored) return stored;
  await write(db, (tx) =>
    tx.q
      .insert(tx.t.pushKeys)
      .values({ id: 1, ...made(), createdAt: now })
      .onConflictDoNothing(),
  );
  const kept = await read();
  if (!kept) throw new Error("the VAPID keys were not stored");
  return kept;
}

export interface PushSubscriptionRow {
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

/** A device's subscription, for this agent (one that moved from another agent follows them). */
export async function savePushSubscription(
  db: Db,
  agentId: number,
  subscription: PushSubscriptionRow,
  now: number,
): Promise<void> {
  const { endpoint, keys } = subscription;
  const values = { agentId, endpoint, p256dh: keys.p256dh, auth: keys.auth, createdAt: now };
  await write(db, (tx) =>
    tx.q
      .insert(tx.t.pushSubscriptions)
      .values(values)
      .onConflictDoUpdate({
        target: tx.t.pushSubscriptions.endpoint,
        set: { agentId, p256dh: keys.p256dh, auth: keys.auth },
      }),
  );
}

/** Given an agent, only theirs. */
export async function deletePushSubscription(
  db: Db,
  endpoint: string,
  agentId?: number,
): Promise<void> {
  const { pushSubscriptions: s } = db.t;
  const mine = agentId === undefined ? undefined : eq(s.agentId, agentId);
  await write(db, (tx) => tx.q.delete(s).where(and(eq(s.endpoint, endpoint), mine)));
}

/** Where to alert these agents: their devices, their email when they asked for it. */
export async function alertTargets(db: Db, agentIds: number[]) {
  if (agentIds.length === 0) return { devices: [], emails: [] };
  const { agents, pushSubscriptions: s } = db.t;
  const devices = (
    await db.q
      .select({ agentId: s.agentId, endpoint: s.endpoint, p256dh: s.p256dh, auth: s.auth })
      .from(s)
      .innerJoin(agents, eq(agents.id, s.agentId))
      .where(and(inArray(s.agentId, agentIds), eq(agents.active, true)))
  ).map(({ agentId, endpoint, p256dh, auth }) => ({ agentId, endpoint, keys: { p256dh, auth } }));
  const emails = await db.q
    .select({ agentId: agents.id, email: agents.email })
    .from(agents)
    .where(
      and(inArray(agents.id, agentIds), eq(agents.active, true), eq(agents.emailAlerts, true)),
    );
  return { devices, emails };
}

export async function setEmailAlerts(db: Db, agentId: number, on: boolean): Promise<void> {
  const { agents } = db.t;
  await write(db, (tx) =>
    tx.q.update(agents).set({ emailAlerts: on }).where(eq(agents.id, agentId)),
  );
}

export async function emailAlertsOf(db: Db, agentId: number): Promise<boolean> {
  const { agents } = db.t;
  const row = first(
    await db.q.select({ on: agents.emailAlerts }).from(agents).where(eq(agents.id, agentId)),
  );
  return row?.on ?? false;
}

/**
 * Queued conversations that have waited since before `since` and were not alerted about yet
 * in this wait; each is taken by one node (the insert that wins), with its skill.
 */
export async function claimLongWaits(db: Db, since: number) {
  const { conversations, waitAlerts } = db.t;
  const waiting = await db.q
    .select({
      id: conversations.id,
      queuedAt: conversations.queuedAt,
      skill: conversations.skill,
      language: conversations.language,
      summary: sql<string | null>`${conversations.handoff}->>'summary'`,
    })
    .from(conversations)
    .leftJoin(
      waitAlerts,
      and(
        eq(waitAlerts.conversationId, conversations.id),
        eq(waitAlerts.queuedAt, conversations.queuedAt),
      ),
    )
    .where(
      and(
        eq(conversations.status, "queued"),
        isNotNull(conversations.queuedAt),
        lt(conversations.queuedAt, since),
        sql`${waitAlerts.conversationId} is null`,
      ),
    );
  const claimed = [];
  for (const conversation of waiting) {
    const queuedAt = conversation.queuedAt ?? 0;
    const won = await write(db, (tx) =>
      tx.q
        .insert(tx.t.waitAlerts)
        .values({ conversationId: conversation.id, queuedAt })
        .onConflictDoNothing()
        .returning({ id: tx.t.waitAlerts.conversationId }),
    );
    if (won.length > 0) claimed.push(conversation);
  }
  return claimed;
}
