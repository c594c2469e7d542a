import { randomBytes } from "node:crypto";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDatabase } from "../local-services/postgres.ts";
import type { Db } from "./database.ts";
import { openDatabase } from "./open.ts";

/**
 * Where tests keep their data: unset, SQLite in memory; a postgres:// URL (set by
 * `local-services/with-services.ts`), a new database on that server for each call, so tests never share.
 */
export function testStorage(): string | undefined {
  return process.env.TEST_POSTGRES_URL || undefined;
}

/** A fresh, migrated, empty database for one test, on the engine `testStorage` names. */
export async function openTestDatabase(): Promise<Db> {
  return openDatabase(await newTestDatabaseUrl());
}

/** ":memory:" for SQLite; for PostgreSQL, the URL of a database just created for the caller. */
export async function newTestDatabaseUrl(): Promise<string> {
  const server = testStorage();
  if (!server) return ":memory:";
  return createDatabase(server, `test_${randomBytes(6).toString("hex")}`);
}

/**
 * Two handles on one fresh database, as two server nodes have: on SQLite two connections to
 * one file, on PostgreSQL two connection pools.
 */
export async function openTwoNodes(): Promise<[Db, Db]> {
  const url = testStorage()
    ? await newTestDatabaseUrl()
    : join(await mkdtemp(join(tmpdir(), "hfc-nodes-")), "chat.sqlite");
  const first = await openDatabase(url);
  return [first, await openDatabase(url)];
}
