import { spawn } from "node:child_process";
import { type PostgresServer, startPostgres } from "./postgres.ts";
import { type RedisServer, startRedis } from "./redis.ts";

/**
 * Runs a command beside a throwaway PostgreSQL and Redis, their URLs in TEST_POSTGRES_URL and
 * TEST_REDIS_URL, and stops them after: `tsx local-services/with-services.ts node --test …`.
 */
const [command, ...args] = process.argv.slice(2);
if (!command) throw new Error("usage: tsx local-services/with-services.ts <command> [args…]");
const postgres: PostgresServer = await startPostgres();
const redis: RedisServer = await startRedis();
const child = spawn(command, args, {
  stdio: "inherit",
  env: { ...process.env, TEST_POSTGRES_URL: postgres.url, TEST_REDIS_URL: redis.url },
});
const code = await new Promise<number>((resolve) =>
  child.once("exit", (exitCode, signal) => resolve(exitCode ?? (signal ? 1 : 0))),
);
await Promise.all([postgres.stop(), redis.stop()]);
process.exitCode = code;
