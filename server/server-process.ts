// The real server (`server/main.ts`) as a child process, for tests that must stop it the way
// production does: a deploy (SIGTERM) or a crash (SIGKILL). Used by the e2e journeys too.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { testServices } from "./test-services.ts";

export interface ServerProcess {
  url: string;
  admin: { email: string; password: string };
  /** Where it stores: its SQLite file, or its PostgreSQL database under `local-services/with-services.ts`. */
  database: string;
  /** The running process's id (for memory figures). */
  readonly pid: number;
  /** Stops it as a deploy does (SIGTERM) and returns its exit code; the database stays. */
  halt(): Promise<number | null>;
  /** Kills it at once (SIGKILL), as a crash or an out-of-memory kill would. */
  kill(): Promise<void>;
  /** Starts it again on the same port and database. */
  restart(): Promise<void>;
  /** Stops it and deletes its data. */
  stop(): Promise<void>;
}

const READY = /Demo shop with the chat widget: (http:\/\/\S+?)\/\s/;
const ADMIN = { email: "admin@example.com", password: "correct horse battery staple" };

/**
 * Starts the server on a free port with a fresh DATA_DIR (and the services of the run, see
 * test-services.ts); `env` adds settings, `entry` is the script that starts it (the
 * benchmarks start it with their own limits).
 */
export async function startServerProcess(
  env: Record<string, string> = {},
  entry = "server/main.ts",
): Promise<ServerProcess> {
  const dataDir = await mkdtemp(join(tmpdir(), "hfc-process-"));
  const settings: Record<string, string> = {
    HOST: "127.0.0.1",
    DATA_DIR: dataDir,
    ...(await testServices()),
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    ...env,
  };
  let running = await spawnServer(entry, { ...settings, PORT: "0" });
  const port = new URL(running.url).port;
  return {
    url: running.url,
    admin: ADMIN,
    database: settings.DATABASE_URL ?? join(dataDir, "chat.sqlite"),
    get pid() {
      return running.child.pid ?? 0;
    },
    halt: () => stopChild(running.child, "SIGTERM"),
    async kill() {
      await stopChild(running.child, "SIGKILL");
    },
    async restart() {
      running = await spawnServer(entry, { ...settings, PORT: port });
    },
    async stop() {
      await stopChild(running.child, "SIGTERM");
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

function spawnServer(entry: string, env: Record<string, string>) {
  return spawnScript(entry, env, READY);
}

/**
 * Runs a TypeScript script in its own Node process and resolves once its output matches
 * `ready`, with the match's first group (the address it serves on).
 */
export async function spawnScript(
  entry: string,
  env: Record<string, string>,
  ready: RegExp,
): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ["--import", "tsx", entry], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk;
    process.stderr.write(chunk);
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk;
      const match = ready.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    child.once("exit", (code) =>
      reject(new Error(`${entry} exited with ${code} before it was ready:\n${output}`)),
    );
  });
  return { url, child };
}

export function stopChild(child: ChildProcess, signal: NodeJS.Signals): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => {
    child.once("exit", (code) => resolve(code));
    child.kill(signal);
  });
}
