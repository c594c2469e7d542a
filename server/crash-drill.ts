// The crash drill: customers stream messages while the real server is killed with SIGKILL at
// random moments and restarted, again and again. Afterwards every message the server
// acknowledged must be stored once and shown to its customer on resume.
import { sql } from "drizzle-orm";
import WebSocket from "ws";
import { closeDatabase, openDatabase } from "../db/index.ts";
import { rawRows } from "../db/raw-sql.ts";
import { type ServerProcess, startServerProcess } from "./server-process.ts";

export interface DrillReport {
  rounds: number;
  customers: number;
  acknowledged: number;
  lost: string[];
  duplicated: string[];
  /** Acknowledged with one sequence number, shown on resume with another. */
  moved: string[];
}

const MAX_UNACKNOWLEDGED = 3;

/** One customer's widget in miniature: a token, an outbox resent after every reconnect. */
class Customer {
  token: string | undefined;
  readonly acked = new Map<string, number>();
  private readonly outbox: string[] = [];
  private count = 0;
  private socket: WebSocket | undefined;

  constructor(readonly name: string) {}

  /**
   * Connects and streams until the socket dies: after the welcome and whenever everything
   * is acknowledged, one new message joins the outbox and the whole outbox is (re)sent.
   */
  stream(url: string): Promise<void> {
    return new Promise((done) => {
      const socket = new WebSocket(`${url.replace("http", "ws")}/ws/visitor`, {
        headers: { origin: url },
      });
      this.socket = socket;
      const next = () => {
        // Refused ones (rate-limited) wait for the next round; the backlog stays bounded.
        if (this.outbox.length < MAX_UNACKNOWLEDGED) {
          this.outbox.push(`${this.name}-${++this.count}`);
        }
        for (const clientId of this.outbox) send(clientId);
      };
      const send = (clientId: string) => {
        if (socket.readyState !== WebSocket.OPEN) return;
        socket.send(JSON.stringify({ type: "send", clientId, text: `message ${clientId}` }));
      };
      socket.on("open", () =>
        socket.send(
          JSON.stringify({ type: "hello", v: 1, ...(this.token ? { token: this.token } : {}) }),
        ),
      );
      socket.on("message", (data) => {
        const frame = JSON.parse(String(data)) as {
          type: string;
          token?: string;
          clientId?: string;
          seq?: number;
        };
        if (frame.type === "welcome") {
          this.token = frame.token;
          next();
        } else if (frame.type === "ack" && frame.clientId) {
          this.acked.set(frame.clientId, Number(frame.seq));
          const index = this.outbox.indexOf(frame.clientId);
          if (index >= 0) this.outbox.splice(index, 1);
          if (this.outbox.length === 0) next();
        }
      });
      socket.on("close", () => done());
      socket.on("error", () => undefined);
    });
  }

  stop(): void {
    this.socket?.terminate();
  }

  /** The transcript a reconnecting widget is shown. */
  async resume(url: string): Promise<Map<string, number>> {
    const socket = new WebSocket(`${url.replace("http", "ws")}/ws/visitor`, {
      headers: { origin: url },
    });
    const welcome = await new Promise<{ messages: { clientId?: string; seq: number }[] }>(
      (resolve, reject) => {
        socket.on("open", () =>
          socket.send(JSON.stringify({ type: "hello", v: 1, token: this.token })),
        );
        socket.on("message", (data) => {
          const frame = JSON.parse(String(data));
          if (frame.type === "welcome") resolve(frame);
        });
        socket.on("error", reject);
      },
    );
    socket.close();
    return new Map(
      welcome.messages.flatMap((message) =>
        message.clientId ? [[message.clientId, message.seq] as const] : [],
      ),
    );
  }
}

export async function crashDrill(options: {
  rounds: number;
  customers: number;
  /** Called after each round, for progress output. */
  onRound?: (round: number, acknowledged: number) => void;
}): Promise<DrillReport> {
  const server: ServerProcess = await startServerProcess({ BOT_PAUSE_MS: "200" });
  const customers = Array.from({ length: options.customers }, (_, i) => new Customer(`c${i}`));
  try {
    for (let round = 1; round <= options.rounds; round++) {
      if (round > 1) await server.restart();
      const streams = customers.map((customer) => customer.stream(server.url));
      // Anywhere from the first handshakes to well into the stream.
      await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 450));
      await server.kill();
      await Promise.all(streams);
      const acknowledged = customers.reduce((sum, customer) => sum + customer.acked.size, 0);
      options.onRound?.(round, acknowledged);
    }
    await server.restart();
    const report: DrillReport = {
      rounds: options.rounds,
      customers: customers.length,
      acknowledged: 0,
      lost: [],
      duplicated: [],
      moved: [],
    };
    const database = await openDatabase(server.database);
    const copies = async (clientId: string) =>
      (await rawRows(database, sql`select id from messages where client_id = ${clientId}`)).length;
    try {
      for (const customer of customers) {
        if (!customer.token) continue;
        const shown = await customer.resume(server.url);
        for (const [clientId, seq] of customer.acked) {
          report.acknowledged += 1;
          const stored = await copies(clientId);
          if (stored === 0 || !shown.has(clientId)) report.lost.push(clientId);
          if (stored > 1) report.duplicated.push(clientId);
          if (shown.has(clientId) && shown.get(clientId) !== seq) report.moved.push(clientId);
        }
      }
    } finally {
      await closeDatabase(database);
    }
    for (const customer of customers) customer.stop();
    return report;
  } finally {
    await server.stop();
  }
}
