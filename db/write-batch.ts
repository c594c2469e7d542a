import type { Db } from "./database.ts";

/** Beyond this many writes, the rest wait for the next commit (keeps each commit short). */
const MOST_PER_COMMIT = 512;

interface Pending {
  work: (db: Db) => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

const queues = new WeakMap<Db, Pending[]>();

/**
 * Runs `work` in a write transaction that it shares with every other write arriving in the
 * same turn of the event loop: one commit, one fsync for all of them (group commit). The
 * promise settles after that commit, so a caller that acknowledges on it never acknowledges
 * what a crash could still lose. Each write runs in its own savepoint: one that throws is
 * rolled back alone and rejects alone. Nothing waits past the current turn.
 */
export function grouped<T>(db: Db, work: (db: Db) => T): Promise<T> {
  let queue = queues.get(db);
  if (!queue) {
    queue = [];
    queues.set(db, queue);
  }
  if (queue.length === 0) setImmediate(() => flush(db));
  return new Promise<T>((resolve, reject) => {
    queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
  });
}

function flush(db: Db): void {
  const queue = queues.get(db);
  if (!queue || queue.length === 0) return;
  const batch = queue.splice(0, MOST_PER_COMMIT);
  if (queue.length > 0) setImmediate(() => flush(db));
  const client = db.$client;
  // better-sqlite3 turns a transaction inside a transaction into a savepoint.
  const alone = client.transaction((work: (db: Db) => unknown) => work(db));
  const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
  try {
    client
      .transaction(() => {
        for (const { work } of batch) {
          try {
            outcomes.push({ ok: true, value: alone(work) });
          } catch (error) {
            outcomes.push({ ok: false, error });
          }
        }
      })
      .immediate();
  } catch (error) {
    // The commit itself failed (a full disk): nothing in the batch was stored.
    for (const { reject } of batch) reject(error);
    return;
  }
  batch.forEach(({ resolve, reject }, index) => {
    const outcome = outcomes[index];
    if (outcome?.ok) resolve(outcome.value);
    else reject(outcome?.error);
  });
}
