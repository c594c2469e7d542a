import { and, asc, count, eq, gte, inArray, isNull, lt, sql } from "drizzle-orm";
import { type Db, first, type Tx, write } from "./database.ts";
import type { StoredAttachment } from "./schema.ts";

export type { StoredAttachment };

export interface NewUpload {
  visitorId: number;
  /** The agent who uploaded it; absent for the customer's own. */
  agentId?: number;
  storageKey: string;
  name: string;
  contentType: string;
  size: number;
  width?: number;
  height?: number;
}

export async function storeUpload(db: Db, upload: NewUpload, now: number) {
  const [row] = await write(db, (tx) =>
    tx.q
      .insert(tx.t.attachments)
      .values({ ...upload, createdAt: now })
      .returning(),
  );
  if (!row) throw new Error("the upload was not stored");
  return storedOf(row);
}

/** How many files the visitor's side uploaded since `since` that no message took yet. */
export async function unsentUploads(
  db: Db,
  visitorId: number,
  agentId: number | undefined,
  since: number,
): Promise<number> {
  const { attachments } = db.t;
  const [row] = await db.q
    .select({ n: count() })
    .from(attachments)
    .where(
      and(
        eq(attachments.visitorId, visitorId),
        agentId === undefined ? isNull(attachments.agentId) : eq(attachments.agentId, agentId),
        isNull(attachments.conversationId),
        gte(attachments.createdAt, since),
      ),
    );
  return Number(row?.n ?? 0);
}

/** Who may send which uploads: the customer their own, an agent theirs for this visitor. */
export interface FileClaim {
  ids: number[];
  visitorId: number;
  agentId?: number;
}

/** A message named files that are not its sender's to send, or were sent already. */
export class FilesUnavailable extends Error {
  constructor() {
    super("A file of this message was not found; upload it again.");
  }
}

/**
 * Gives the uploads to the conversation whose message carries them, inside that message's
 * transaction; throws FilesUnavailable (rolling the message back) unless every one is the
 * sender's and still unsent. Returned in the order named.
 */
export async function claimUploads(
  tx: Tx,
  conversationId: number,
  claim: FileClaim,
): Promise<StoredAttachment[]> {
  const { attachments } = tx.t;
  const ids = [...new Set(claim.ids)];
  const rows = await tx.q
    .update(attachments)
    .set({ conversationId })
    .where(
      and(
        inArray(attachments.id, ids),
        eq(attachments.visitorId, claim.visitorId),
        claim.agentId === undefined
          ? isNull(attachments.agentId)
          : eq(attachments.agentId, claim.agentId),
        isNull(attachments.conversationId),
      ),
    )
    .returning();
  if (rows.length !== ids.length) throw new FilesUnavailable();
  const byId = new Map(rows.map((row) => [row.id, storedOf(row)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** What the file link serves: only files a message carries (an unsent upload has no link). */
export async function fileToServe(db: Db, id: number) {
  const { attachments } = db.t;
  const rows = await db.q
    .select({
      storageKey: attachments.storageKey,
      name: attachments.name,
      contentType: attachments.contentType,
      size: attachments.size,
      conversationId: attachments.conversationId,
    })
    .from(attachments)
    .where(eq(attachments.id, id));
  const row = first(rows);
  return row?.conversationId == null ? undefined : row;
}

/** A visitor's files, for their data export. */
export async function visitorFiles(db: Db, visitorId: number) {
  const { attachments } = db.t;
  return db.q
    .select({
      id: attachments.id,
      conversationId: attachments.conversationId,
      name: attachments.name,
      type: attachments.contentType,
      size: attachments.size,
      uploadedByAgent: sql<boolean>`${attachments.agentId} is not null`.mapWith(Boolean),
      createdAt: attachments.createdAt,
    })
    .from(attachments)
    .where(eq(attachments.visitorId, visitorId))
    .orderBy(asc(attachments.id));
}

/** Inside the visitor's erasure: their files' bytes are removed once it commits. */
export async function queueVisitorFiles(tx: Tx, visitorId: number, now: number): Promise<void> {
  const { attachments, fileDeletions } = tx.t;
  await tx.q
    .insert(fileDeletions)
    .select(
      tx.q
        .select({ storageKey: attachments.storageKey, since: sql<number>`${now}`.as("since") })
        .from(attachments)
        .where(eq(attachments.visitorId, visitorId)),
    )
    .onConflictDoNothing();
}

/** Uploads that no message took before `before` are dropped, their bytes queued for removal. */
export async function dropUnsentUploads(db: Db, before: number, now: number): Promise<number> {
  return write(db, async (tx) => {
    const { attachments, fileDeletions } = tx.t;
    const stale = await tx.q
      .delete(attachments)
      .where(and(isNull(attachments.conversationId), lt(attachments.createdAt, before)))
      .returning({ storageKey: attachments.storageKey });
    if (stale.length > 0) {
      await tx.q
        .insert(fileDeletions)
        .values(stale.map(({ storageKey }) => ({ storageKey, since: now })))
        .onConflictDoNothing();
    }
    return stale.length;
  });
}

export async function pendingDeletions(db: Db, limit: number): Promise<string[]> {
  const { fileDeletions } = db.t;
  const rows = await db.q
    .select({ storageKey: fileDeletions.storageKey })
    .from(fileDeletions)
    .orderBy(asc(fileDeletions.since))
    .limit(limit);
  return rows.map((row) => row.storageKey);
}

/** The bytes are gone from the store. */
export async function deletionsDone(db: Db, keys: string[]): Promise<void> {
  if (keys.length === 0) return;
  const { fileDeletions } = db.t;
  await write(db, (tx) =>
    tx.q.delete(fileDeletions).where(inArray(fileDeletions.storageKey, keys)),
  );
}

function storedOf(row: {
  id: number;
  name: string;
  contentType: string;
  size: number;
  width: number | null;
  height: number | null;
}): StoredAttachment {
  const stored: StoredAttachment = {
    id: row.id,
    name: row.name,
    type: row.contentType,
    size: row.size,
  };
  if (row.width !== null) stored.width = row.width;
  if (row.height !== null) stored.height = row.height;
  return stored;
}
