import type { Db } from "./database.ts";
import { openPostgres } from "./postgres.ts";
import { openSqlite } from "./sqlite.ts";

/**
 * Opens the database at `location` and brings its schema up to date: a `postgres://` URL for
 * PostgreSQL, otherwise a SQLite file path (or ":memory:").
 */
export async function openDatabase(location: string): Promise<Db> {
  return /^postgres(ql)?:\/\//.test(location) ? openPostgres(location) : openSqlite(location);
}

export async function closeDatabase(db: Db): Promise<void> {
  await db.close();
}
