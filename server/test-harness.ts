// Shared by the server tests: the real server on a free port with a fresh database, and a
// WebSocket client that lets a test wait for the next frame.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import * as v from "valibot";
import WebSocket from "ws";
import { closeDatabase, type Db, openDatabase } from "../db/index.ts";
import { agentServerFrame, describeIssue, visitorServerFrame } from "../protocol/index.ts";
import { readConfig } from "./config.ts";
import type { Limits } from "./limits.ts";
import { type RunningServer, startServer } from "./server.ts";
import { testServices } from "./test-services.ts";

export const ADMIN = { email: "admin@example.com", password: "test password 1234" };

export interface Harness extends RunningServer {
  dataDir: string;
  /** The server's database as another node or an operator sees it, for checks around the API. */
  database: Db;
}

/**
 * The real server with a fresh database (SQLite, or PostgreSQL and the Redis bus under
 * `local-services/with-services.ts`); `env` and `limits` change its configuration.
 */
export async function startHarness(
  options: { env?: Record<string, string>; limits?: Partial<Limits>; now?: () => number } = {},
): Promise<Harness> {
  const dataDir = await mkdtemp(join(tmpdir(), "hfc-test-"));
  const services = await testServices();
  const config = readConfig({
    PORT: "0",
    DATA_DIR: dataDir,
    ...services,
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    // Short, so tests stay quick, but the bot still waits for the customer to finish.
    BOT_PAUSE_MS: "100",
    ...options.env,
  });
  config.limits = { ...config.limits, ...options.limits };
  const server = await startServer(config, options.now);
  const database = await openDatabase(services.DATABASE_URL ?? join(dataDir, "chat.sqlite"));
  return {
    ...server,
    dataDir,
    database,
    async close() {
      await closeDatabase(database);
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export type Frame = { type: string } & Record<string, unknown>;

/** What the server may send on each socket path: the clients rely on it without checking. */
const SERVER_FRAMES: Record<string, v.GenericSchema> = {
  "/ws/visitor": visitorServerFrame,
  "/ws/agent": agentServerFrame,
};

/**
 * A WebSocket whose incoming frames queue up until a test takes them. Every frame is checked
 * against the protocol's schema for its path, so any server test that sees a malformed frame
 * fails: the widget and the inbox trust their server's frames.
 */
export class TestSocket {
  private readonly frames: Frame[] = [];
  /** Every frame this socket ever received, taken or not. */
  readonly received: Frame[] = [];
  private waiter: (() => void) | undefined;
  closed: { code: number; reason: string } | undefined;
  private malformed: string | undefined;

  private constructor(
    readonly ws: WebSocket,
    schema: v.GenericSchema | undefined,
  ) {
    ws.on("message", (data) => {
      const frame = JSON.parse(String(data)) as Frame;
      const checked = schema && v.safeParse(schema, frame);
      if (checked && !checked.success) {
        this.malformed ??= `the server sent a frame outside the protocol (${describeIssue(checked.issues)}): ${String(data)}`;
      }
      this.frames.push(frame);
      this.received.push(frame);
      this.waiter?.();
    });
    ws.on("close", (code, reason) => {
      this.closed = { code, reason: String(reason) };
      this.waiter?.();
    });
  }

  /** Opens a socket as a page of the server itself would (its own Origin) unless told otherwise. */
  static async open(
    url: string,
    headers: Record<string, string> = {},
    options: { autoPong?: boolean } = {},
  ): Promise<TestSocket> {
    const origin = new URL(url).origin;
    const ws = new WebSocket(url.replace(/^http/, "ws"), {
      headers: { origin, ...headers },
      ...options,
    });
    const socket = new TestSocket(ws, SERVER_FRAMES[new URL(url).pathname]);
    await new Promise<void>((resolve, reject) => {
      ws.once("open", () => resolve());
      ws.once("error", reject);
    });
    return socket;
  }

  send(frame: unknown): void {
    this.ws.send(typeof frame === "string" ? frame : JSON.stringify(frame));
  }

  /** The next frame that satisfies the predicate; frames before it are dropped. */
  async next(predicate: (frame: Frame) => boolean = () => true, timeoutMs = 3000): Promise<Frame> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (this.malformed) throw new Error(this.malformed);
      const index = this.frames.findIndex(predicate);
      if (index >= 0) {
        const [frame] = this.frames.splice(0, index + 1).slice(-1);
        if (frame) return frame;
      }
      if (this.closed) throw new Error(`socket closed (${this.closed.code}) while waiting`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no matching frame; received ${JSON.stringify(this.frames)}`);
      await this.woken(left);
    }
  }

  /** Until a frame arrives or the socket closes, at most `ms`. */
  private woken(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.waiter = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  close(): void {
    this.ws.close();
  }

  /** Resolves with the close code and reason once the server closed the socket. */
  async closedByServer(timeoutMs = 3000): Promise<{ code: number; reason: string }> {
    const deadline = Date.now() + timeoutMs;
    while (!this.closed) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error("the socket is still open");
      await this.woken(left);
    }
    return this.closed;
  }
}

/** A visitor connection that has said hello; the welcome frame is returned with it. */
export async function visitor(
  url: string,
  token?: string,
  resume?: { conversationId: number; seq: number },
) {
  const socket = await TestSocket.open(`${url}/ws/visitor`);
  socket.send({ type: "hello", v: 1, ...(token ? { token } : {}), ...(resume ? { resume } : {}) });
  const welcome = await socket.next((frame) => frame.type === "welcome");
  return { socket, welcome, token: String(welcome.token) };
}

/** An HTTP call as the inbox page makes it: this server's Origin, JSON, an optional cookie. */
export async function api(
  url: string,
  method: string,
  path: string,
  options: { cookie?: string; body?: unknown; origin?: string } = {},
): Promise<Response> {
  const headers: Record<string, string> = { origin: options.origin ?? new URL(url).origin };
  if (options.cookie) headers.cookie = options.cookie;
  if (options.body !== undefined) headers["content-type"] = "application/json";
  const body = options.body === undefined ? null : JSON.stringify(options.body);
  return fetch(`${url}${path}`, { method, headers, body });
}

export async function signIn(url: string, email: string, password: string): Promise<Response> {
  return api(url, "POST", "/api/agent/session", { body: { email, password } });
}

/** The `name=value` part of the session cookie a sign-in set. */
export function sessionCookie(response: Response): string {
  return (response.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
}

/**
 * A signed-in agent's inbox socket, after its first snapshot. `away` keeps the router from
 * assigning them anything, for tests that claim by hand.
 */
export async function agentSocket(
  url: string,
  cookie: string,
  options: { autoPong?: boolean; away?: boolean } = {},
) {
  const socket = await TestSocket.open(`${url}/ws/agent`, { cookie }, options);
  const inbox = await socket.next((frame) => frame.type === "inbox");
  const self = (inbox.agent as { id: number }).id;
  if (options.away) {
    socket.send({ type: "presence", status: "away" });
    await socket.next((frame) => frame.type === "team" && presenceOf(frame, self) === "away");
  }
  return { socket, inbox, id: self };
}

/** An agent's presence in a `team` frame. */
export function presenceOf(frame: Frame, agentId: number): string | undefined {
  const team = frame.team as { id: number; presence: string }[];
  return team.find((member) => member.id === agentId)?.presence;
}

/**
 * Waits for something another process does (an email arriving, a delivery logged), checking
 * every 25 ms; fails naming it after `ms`.
 */
export async function eventually(
  check: () => boolean | Promise<boolean>,
  what: string,
  ms = 8000,
): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}
