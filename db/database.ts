import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import Sqlite from "better-sqlite3";
import { type BetterSQLite3Database, drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import * as schema from "./schema.ts";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Sqlite.Database };

const migrationsFolder = fileURLToPath(new URL("./migrations", import.meta.url));

/**
 * The one place that opens the database. WAL lets readers run beside the writer.
 * synchronous=FULL syncs the WAL to disk at every commit, so an acknowledged message
 * survives a power loss too, not only a process crash (NORMAL would keep it across a crash
 * but could lose the last commits on power loss).
 */
export function openDatabase(file: string): Db {
  if (file !== ":memory:") mkdirSync(dirname(file), { recursive: true });
  const client = new Sqlite(file);
  client.pragma("journal_mode = WAL");
  client.pragma("synchronous = FULL");
  client.pragma("foreign_keys = ON");
  client.pragma("busy_timeout = 5000");
  const db = drizzle(client, { schema });
  migrate(db, { migrationsFolder });
  return db;
}

export function closeDatabase(db: Db): void {
  db.$client.close();
}
