import { spawn } from "node:child_process";
import { startPostgres } from "./postgres-server.ts";

/**
 * Runs a command with a throwaway PostgreSQL server, its URL in TEST_POSTGRES_URL, and
 * stops the server after: `tsx db/with-postgres.ts node --test …`.
 */
const [command, ...args] = process.argv.slice(2);
if (!command) throw new Error("usage: tsx db/with-postgres.ts <command> [args…]");
const server = await startPostgres();
const child = spawn(command, args, {
  stdio: "inherit",
  env: { ...process.env, TEST_POSTGRES_URL: server.url },
});
const code = await new Promise<number>((resolve) =>
  child.once("exit", (exitCode, signal) => resolve(exitCode ?? (signal ? 1 : 0))),
);
await server.stop();
process.exitCode = code;
