import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Redis } from "ioredis";
import { freePort } from "./free-port.ts";

export interface RedisServer {
  /** redis://127.0.0.1:PORT */
  url: string;
  pid: number;
  stop(): Promise<void>;
}

const BINARY = "/usr/bin/redis-server";

/**
 * Starts a throwaway Redis for tests and benchmarks: Debian's redis-server on a free port,
 * 127.0.0.1 only, nothing saved to disk (pub/sub and presence need no persistence).
 */
export async function startRedis(): Promise<RedisServer> {
  if (!existsSync(BINARY)) {
    throw new Error("Redis is not installed: run `apt-get install -y redis-server`.");
  }
  const dir = await mkdtemp(join(tmpdir(), "hfc-redis-"));
  const port = await freePort();
  const server: ChildProcess = spawn(
    BINARY,
    [
      "--port",
      String(port),
      "--bind",
      "127.0.0.1",
      "--save",
      "",
      "--appendonly",
      "no",
      "--dir",
      dir,
    ],
    { stdio: "ignore" },
  );
  const exited = new Promise<void>((resolve) => server.once("exit", () => resolve()));
  const url = `redis://127.0.0.1:${port}`;
  await ready(url);
  return {
    url,
    pid: server.pid ?? 0,
    async stop() {
      server.kill("SIGTERM");
      await exited;
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Waits until Redis answers a PING, for at most 10 s. */
async function ready(url: string): Promise<void> {
  const client = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  // Refused until the server listens: the loop below tries again.
  client.on("error", () => {});
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      await client.connect();
      await client.ping();
      client.disconnect();
      return;
    } catch {
      client.disconnect();
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error("Redis did not answer within 10 s");
}
