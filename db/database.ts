import type { NodePgQueryResultHKT } from "drizzle-orm/node-postgres";
import type { PgDatabase } from "drizzle-orm/pg-core";
import type * as pgTables from "./schema-pg.ts";

export type Engine = "sqlite" | "postgres";

/** Every table, as the engine in use defines it (schema.ts or schema-pg.ts). */
export type Tables = typeof pgTables;

/**
 * The query builder. drizzle builds the same SQL for both engines from the same calls; the
 * code is typed against PostgreSQL's builder, whose every query is awaited, so SQLite's
 * synchronous `.get()/.all()/.run()` cannot slip in. `schema-drift.test.ts` keeps the two
 * schemas column for column alike, so SQLite's tables stand in for these types.
 */
export type Query = PgDatabase<NodePgQueryResultHKT>;

/** An open database. Only `db/` looks inside; everyone else passes it to `db/` functions. */
export interface Db {
  readonly engine: Engine;
  readonly q: Query;
  readonly t: Tables;
  /** Runs `work` in a write transaction; see `write`. */
  readonly transact: <T>(work: (tx: Tx) => Promise<T>) => Promise<T>;
  readonly close: () => Promise<void>;
  /**
   * The active webhook endpoints and their events, kept by `loadSubscriptions` (webhooks.ts):
   * a change tells the endpoints subscribed to it inside its own transaction, and one nobody
   * subscribed to costs nothing.
   */
  readonly subscriptions: Subscriptions;
}

export interface Subscriptions {
  endpoints: readonly { id: number; events: readonly string[] }[];
}

/** Inside a write transaction: what must be stored with the change (its audit entry) takes this. */
export interface Tx extends Db {
  readonly inTransaction: true;
}

/**
 * Every change goes through here: `work` runs in one transaction, committed before the promise
 * settles, so whatever is acknowledged on it is durable. `work` may only await queries on `tx`.
 * On SQLite, writes arriving in the same turn share one commit (see write-batch.ts); inside a
 * transaction, a nested `write` joins it.
 */
export function write<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  return "inTransaction" in db ? work(db as Tx) : db.transact(work);
}

/** The first row of a result, if any. */
export function first<T>(rows: readonly T[]): T | undefined {
  return rows[0];
}
