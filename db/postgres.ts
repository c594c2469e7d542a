import { fileURLToPath } from "node:url";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import type { Db, Query, Tx } from "./database.ts";
import * as tables from "./schema-pg.ts";

const migrationsFolder = fileURLToPath(new URL("./migrations-pg", import.meta.url));

/** Connections each node keeps open; PostgreSQL's default limit is 100 for all nodes. */
const POOL_SIZE = 10;

/** Held while migrating, so nodes started together bring the schema up to date one at a time. */
const MIGRATION_LOCK = 727_001;

/** A write that lost a deadlock is tried again this many times in all. */
const ATTEMPTS = 3;

/**
 * A PostgreSQL database through a connection pool. Each write is its own transaction at READ
 * COMMITTED: the conditional updates the writes are made of re-check their condition on the
 * locked row, so two nodes deciding at once cannot both succeed.
 */
export async function openPostgres(url: string): Promise<Db> {
  // Idle connections do not keep a process alive that has nothing else to do (a test, a script).
  const pool = new pg.Pool({ connectionString: url, max: POOL_SIZE, allowExitOnIdle: true });
  const postgres = drizzle(pool);
  await migrateAlone(pool);
  const db: Db = {
    engine: "postgres",
    q: postgres as Query,
    t: tables,
    transact: async (work) => {
      for (let attempt = 1; ; attempt++) {
        try {
          return await postgres.transaction((transaction) => {
            const tx: Tx = { ...db, q: transaction as Query, inTransaction: true };
            return work(tx);
          });
        } catch (error) {
          if (attempt >= ATTEMPTS || !retryable(error)) throw error;
        }
      }
    },
    close: () => pool.end(),
    subscriptions: { endpoints: [] },
  };
  return db;
}

async function migrateAlone(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK]);
    await migrate(drizzle(client), { migrationsFolder });
  } finally {
    await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => undefined);
    client.release();
  }
}

/**
 * PostgreSQL ended the transaction to break a deadlock (40P01) or a serialization conflict
 * (40001): nothing of it was stored, so it can run again.
 */
function retryable(error: unknown): boolean {
  const code = (value: unknown) => (value as { code?: unknown } | undefined)?.code;
  const found = code(error) ?? code((error as { cause?: unknown } | undefined)?.cause);
  return found === "40P01" || found === "40001";
}
