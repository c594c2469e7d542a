import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import Sqlite from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import type { Db, Query, Tables, Tx } from "./database.ts";
import * as tables from "./schema.ts";
import { groupCommit } from "./write-batch.ts";

const migrationsFolder = fileURLToPath(new URL("./migrations", import.meta.url));

/**
 * A SQLite file (or ":memory:"). WAL lets readers run beside the writer. synchronous=FULL
 * syncs the WAL to disk at every commit, so an acknowledged message survives a power loss
 * too, not only a process crash (NORMAL would keep it across a crash but could lose the last
 * commits on power loss).
 */
export function openSqlite(file: string): Db {
  if (file !== ":memory:") mkdirSync(dirname(file), { recursive: true });
  const client = new Sqlite(file);
  client.pragma("journal_mode = WAL");
  client.pragma("synchronous = FULL");
  client.pragma("foreign_keys = ON");
  client.pragma("busy_timeout = 5000");
  const sqlite = drizzle(client);
  migrate(sqlite, { migrationsFolder });
  const db: Db = {
    engine: "sqlite",
    q: sqlite as unknown as Query,
    t: tables as unknown as Tables,
    transact: (work) => transact(work),
    close: async () => {
      client.close();
    },
    subscriptions: { endpoints: [] },
  };
  // One connection: the transaction's handle is the database's own.
  const tx: Tx = { ...db, inTransaction: true };
  const transact = groupCommit(client, tx);
  return db;
}
