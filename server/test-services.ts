import { randomBytes } from "node:crypto";
import { newTestDatabaseUrl, testStorage } from "../db/test-database.ts";

/**
 * The settings a server under test needs for the shared services the run has: none for the
 * default run (SQLite, one node); under local-services/with-services.ts a new PostgreSQL
 * database and the Redis bus, with a prefix of its own so servers of different tests never
 * hear each other.
 */
export async function testServices(): Promise<Record<string, string>> {
  const env: Record<string, string> = {};
  if (testStorage()) env.DATABASE_URL = await newTestDatabaseUrl();
  const redis = process.env.TEST_REDIS_URL;
  if (redis) {
    env.REDIS_URL = redis;
    env.REDIS_PREFIX = `test-${randomBytes(6).toString("hex")}`;
    env.SECRET = randomBytes(32).toString("hex");
  }
  return env;
}
