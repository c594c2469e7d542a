import type Sqlite from "better-sqlite3";
import type { Tx } from "./database.ts";

/** Beyond this many writes, the rest wait for the next commit (keeps each commit short). */
const MOST_PER_COMMIT = 512;

interface Pending {
  work: (tx: Tx) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/**
 * SQLite's writer: each write runs in a transaction it shares with every other write arriving
 * in the same turn of the event loop, one commit and one fsync for all (group commit). A
 * promise settles after that commit, so a caller that acknowledges on it never acknowledges
 * what a crash could still lose. Each write runs in its own savepoint: one that throws is
 * rolled back alone and rejects alone. SQLite answers at once, so a write's awaits take no
 * turn of the event loop, and nothing else runs on the connection until the commit.
 */
export function groupCommit(
  client: Sqlite.Database,
  tx: Tx,
): <T>(work: (tx: Tx) => Promise<T>) => Promise<T> {
  const queue: Pending[] = [];
  let flushing = false;

  async function flush(): Promise<void> {
    const batch = queue.splice(0, MOST_PER_COMMIT);
    flushing = true;
    const outcomes: Outcome[] = [];
    try {
      client.exec("BEGIN IMMEDIATE");
      for (const { work } of batch) outcomes.push(await alone(work));
      client.exec("COMMIT");
    } catch (error) {
      // The commit itself failed (a full disk): nothing in the batch was stored.
      if (client.inTransaction) client.exec("ROLLBACK");
      for (const { reject } of batch) reject(error);
      return;
    } finally {
      flushing = false;
      if (queue.length > 0) setImmediate(flush);
    }
    batch.forEach(({ resolve, reject }, index) => {
      const outcome = outcomes[index];
      if (outcome?.ok) resolve(outcome.value);
      else reject(outcome?.error);
    });
  }

  async function alone(work: (tx: Tx) => Promise<unknown>): Promise<Outcome> {
    client.exec("SAVEPOINT one_write");
    try {
      const value = await work(tx);
      client.exec("RELEASE one_write");
      return { ok: true, value };
    } catch (error) {
      client.exec("ROLLBACK TO one_write");
      client.exec("RELEASE one_write");
      return { ok: false, error };
    }
  }

  return <T>(work: (tx: Tx) => Promise<T>) =>
    new Promise<T>((resolve, reject) => {
      if (queue.length === 0 && !flushing) setImmediate(flush);
      queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
    });
}
