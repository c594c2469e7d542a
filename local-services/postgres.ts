import { execFileSync, spawn } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { chmod, chown, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { freePort } from "./free-port.ts";

export interface PostgresServer {
  /** postgres://postgres@127.0.0.1:PORT/postgres: the server's own database, for admin work. */
  url: string;
  /** The postmaster's process id: it and its children are the server (for CPU figures). */
  pid: number;
  stop(): Promise<void>;
}

/**
 * Starts a throwaway PostgreSQL server for tests and benchmarks: Debian's binaries, a new
 * data directory in /tmp, a free port on 127.0.0.1 only, trust authentication. PostgreSQL
 * refuses to run as root, so as root it runs as the `postgres` user.
 */
export async function startPostgres(): Promise<PostgresServer> {
  const bin = postgresBin();
  const dir = await mkdtemp(join(tmpdir(), "hfc-pg-"));
  const user = process.getuid?.() === 0 ? systemUser("postgres") : undefined;
  if (user) {
    await chown(dir, user.uid, user.gid);
    await chmod(dir, 0o700);
  }
  const as = user ? { uid: user.uid, gid: user.gid } : {};
  execFileSync(
    join(bin, "initdb"),
    ["-D", dir, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"],
    { ...as, stdio: "ignore" },
  );
  const port = await freePort();
  const server = spawn(
    join(bin, "postgres"),
    ["-D", dir, "-p", String(port), "-k", dir, "-c", "listen_addresses=127.0.0.1"],
    { ...as, stdio: "ignore" },
  );
  const exited = new Promise<void>((resolve) => server.once("exit", () => resolve()));
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  await ready(url, exited);
  return {
    url,
    pid: server.pid ?? 0,
    async stop() {
      // Fast shutdown: open connections are ended, nothing is left to recover.
      server.kill("SIGINT");
      await exited;
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Debian installs each major version under /usr/lib/postgresql/<version>/bin. */
function postgresBin(): string {
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  const found = versions
    .map((v) => join(root, v, "bin"))
    .find((b) => existsSync(join(b, "initdb")));
  if (!found) {
    throw new Error("PostgreSQL is not installed: run `apt-get install -y postgresql`.");
  }
  return found;
}

function systemUser(name: string): { uid: number; gid: number } {
  const id = (flag: string) => Number(execFileSync("id", [flag, name], { encoding: "utf8" }));
  return { uid: id("-u"), gid: id("-g") };
}

/** Waits until the server accepts connections, for at most 30 s. */
async function ready(url: string, exited: Promise<void>): Promise<void> {
  let gone = false;
  void exited.then(() => {
    gone = true;
  });
  for (let attempt = 0; attempt < 300; attempt++) {
    if (gone) throw new Error("PostgreSQL exited while starting");
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.end();
      return;
    } catch {
      await client.end().catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error("PostgreSQL did not accept connections within 30 s");
}

/** A new, empty database on the server `adminUrl` points to; returns its URL. */
export async function createDatabase(adminUrl: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
