import type { SQL } from "drizzle-orm";
import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import type { Db } from "./database.ts";

/**
 * The rows of a query written in SQL rather than built: for what only one engine has
 * (SQLite's FTS5), and for tests that go around the named functions to prove a constraint.
 */
export async function rawRows<T>(db: Db, query: SQL): Promise<T[]> {
  if (db.engine === "postgres") return (await db.q.execute(query)).rows as T[];
  return (db.q as unknown as BetterSQLite3Database).all<T>(query);
}

/** Runs a statement written in SQL that returns no rows. */
export async function rawRun(db: Db, statement: SQL): Promise<void> {
  if (db.engine === "postgres") await db.q.execute(statement);
  else (db.q as unknown as BetterSQLite3Database).run(statement);
}
