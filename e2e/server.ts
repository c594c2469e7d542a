import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface TestServer {
  url: string;
  admin: { email: string; password: string };
  /** Stops the process and keeps its database, as a crash or a deploy would. */
  halt(): Promise<void>;
  /** Starts the server again on the same port and database. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

const READY = /Demo shop with the chat widget: (http:\/\/\S+?)\/\s/;

/** Starts the real server (`server/main.ts`) on a free port with a fresh DATA_DIR. */
export async function startTestServer(): Promise<TestServer> {
  const dataDir = await mkdtemp(join(tmpdir(), "hfc-e2e-"));
  const admin = { email: "admin@example.com", password: "correct horse battery staple" };
  let running = await spawnServer(dataDir, admin, "0");
  const port = new URL(running.url).port;
  return {
    url: running.url,
    admin,
    halt: () => stopChild(running.child),
    async restart() {
      running = await spawnServer(dataDir, admin, port);
    },
    async stop() {
      await stopChild(running.child);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function spawnServer(
  dataDir: string,
  admin: { email: string; password: string },
  port: string,
): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    env: {
      ...process.env,
      PORT: port,
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      ADMIN_EMAIL: admin.email,
      ADMIN_PASSWORD: admin.password,
    },
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
      const match = READY.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    child.once("exit", (code) =>
      reject(new Error(`server exited with ${code} before it was ready:\n${output}`)),
    );
  });
  return { url, child };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}
