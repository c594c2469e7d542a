import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { sql } from "drizzle-orm";
import fc from "fast-check";
import { rawRows } from "../db/raw-sql.ts";
import {
  ADMIN,
  agentSocket,
  api,
  type Frame,
  type Harness,
  presenceOf,
  sessionCookie,
  signIn,
  startHarness,
  type TestSocket,
  visitor,
} from "./test-harness.ts";

type Message = { seq: number; author: string; text: string; clientId?: string };
const messagesOf = (frame: Frame) => frame.messages as Message[];
const isAck = (clientId: string) => (frame: Frame) =>
  frame.type === "ack" && frame.clientId === clientId;

describe("delivery: sequence numbers, resume and idempotent sends", () => {
  let server: Harness;
  const roomy = { points: 100_000, perMs: 60_000 };
  before(async () => {
    server = await startHarness({
      limits: {
        framesPerConnection: roomy,
        messagesPerConnection: roomy,
        messagesPerIp: roomy,
        newVisitorsPerIp: roomy,
        newConversationsPerIp: roomy,
      },
    });
  });
  after(async () => {
    await server.close();
  });

  test("a reconnecting widget gets exactly what it missed, then live messages", async () => {
    const first = await visitor(server.url);
    first.socket.send({ type: "send", clientId: "r-1", text: "I want to talk about my invoice" });
    const ack1 = await first.socket.next(isAck("r-1"));
    const live = await first.socket.next((frame) => frame.type === "message");
    const conversationId = Number(live.conversationId);
    first.socket.close();

    // While it was away: the handoff notice (stored with the first message's triage) and more.
    const other = await visitor(server.url, first.token);
    other.socket.send({ type: "send", clientId: "r-2", text: "It is invoice 7781" });
    const ack2 = await other.socket.next(isAck("r-2"));
    other.socket.close();

    const back = await visitor(server.url, first.token, { conversationId, seq: Number(ack1.seq) });
    assert.equal(back.welcome.resumed, true);
    const missed = messagesOf(back.welcome).map((message) => message.seq);
    const all = await rawRows<{ seq: number }>(
      server.database,
      sql`select seq from messages where conversation_id = ${conversationId} order by seq`,
    );
    assert.deepEqual(
      missed,
      all.map((row) => row.seq).filter((seq) => seq > Number(ack1.seq)),
    );
    assert.ok(missed.includes(Number(ack2.seq)));

    back.socket.send({ type: "send", clientId: "r-3", text: "Are you there?" });
    const ack3 = await back.socket.next(isAck("r-3"));
    const echo = await back.socket.next((frame) => frame.type === "message");
    assert.equal((echo.message as Message).seq, ack3.seq);
    assert.equal(Number(ack3.seq), Math.max(...missed) + 1);
    back.socket.close();

    const wrong = await visitor(server.url, first.token, { conversationId: 999_999, seq: 1 });
    assert.equal(wrong.welcome.resumed, false);
    assert.equal(messagesOf(wrong.welcome)[0]?.seq, 1);
    wrong.socket.close();
  });

  test("an agent reopening a transcript after a reconnect gets only what it missed", async () => {
    const cookie = sessionCookie(await signIn(server.url, ADMIN.email, ADMIN.password));
    const { socket: agent } = await agentSocket(server.url, cookie, { away: true });
    const customer = await visitor(server.url);
    customer.socket.send({ type: "send", clientId: "a-1", text: "Please connect me to a human" });
    const queued = await agent.next((frame) => frame.type === "conversation");
    const id = (queued.conversation as { id: number }).id;
    agent.send({ type: "open", conversationId: id });
    const transcript = await agent.next((frame) => frame.type === "transcript");
    const seen = Math.max(...messagesOf(transcript).map((message) => message.seq));
    agent.close();

    customer.socket.send({ type: "send", clientId: "a-2", text: "Hello?" });
    const ack = await customer.socket.next(isAck("a-2"));
    const { socket: again } = await agentSocket(server.url, cookie);
    again.send({ type: "open", conversationId: id, afterSeq: seen });
    const resumed = await again.next((frame) => frame.type === "transcript");
    assert.deepEqual(
      messagesOf(resumed).map((message) => [message.seq, message.text]),
      [[ack.seq, "Hello?"]],
    );
    customer.socket.send({ type: "send", clientId: "a-3", text: "Still here" });
    const next = await again.next((frame) => frame.type === "message");
    assert.equal((next.message as Message).seq, Number(ack.seq) + 1);
    again.close();
    customer.socket.close();
  });

  test("any mix of sends, drops, reconnects and resends stores each message once, in order", async () => {
    const action = fc.oneof(
      fc.constant({ kind: "send" as const }),
      fc.constant({ kind: "send-and-drop" as const }),
      fc.constant({ kind: "reconnect" as const }),
      fc.constant({ kind: "resend" as const }),
    );
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 1, maxLength: 25 }), async (actions) => {
        run += 1;
        const client = await ReliableClient.connect(server.url);
        for (const step of actions) await client[step.kind](`run ${run}`);
        await client.settle();
        const stored = await rawRows<{ client_id: string }>(
          server.database,
          sql`select client_id from messages
             where conversation_id = (select max(id) from conversations where visitor_id = ${client.visitorId})
               and author = 'customer' order by seq`,
        );
        assert.deepEqual(
          stored.map((row) => row.client_id),
          client.sent,
        );
        for (const [clientId, seq] of client.acked) {
          const [row] = await rawRows<{ seq: number }>(
            server.database,
            sql`select seq from messages where client_id = ${clientId}`,
          );
          assert.equal(row?.seq, seq, `acked ${clientId} must be stored with its seq`);
        }
        await client.close();
      }),
      { numRuns: 30 },
    );
  });

  test("a socket that stops answering pings is dropped and the agent shown offline", async () => {
    const quick = await startHarness({ env: { HEARTBEAT_MS: "150" } });
    try {
      const admin = sessionCookie(await signIn(quick.url, ADMIN.email, ADMIN.password));
      const created = await api(quick.url, "POST", "/api/admin/agents", {
        cookie: admin,
        body: { email: "ana@example.com", name: "Ana", role: "agent", password: "ana password 12" },
      });
      const ana = ((await created.json()) as { agent: { id: number } }).agent;
      const { socket: watcher } = await agentSocket(quick.url, admin);
      const anaCookie = sessionCookie(
        await signIn(quick.url, "ana@example.com", "ana password 12"),
      );
      const { socket: silent } = await agentSocket(quick.url, anaCookie, { autoPong: false });
      await watcher.next((f) => f.type === "team" && presenceOf(f, ana.id) === "online");
      const offline = await watcher.next(
        (f) => f.type === "team" && presenceOf(f, ana.id) === "offline",
      );
      assert.ok(offline);
      await silent.next(() => false, 2000).catch(() => undefined);
      assert.ok(silent.closed, "the silent socket was terminated");
      // The one that answers pings is still there after many heartbeats.
      assert.equal(watcher.closed, undefined);
      watcher.close();
    } finally {
      await quick.close();
    }
  });

  test("a reader too slow to keep up is closed with 1013 instead of eating memory", async () => {
    const small = await startHarness({
      limits: {
        maxBufferedBytes: 64 * 1024,
        framesPerConnection: roomy,
        messagesPerConnection: roomy,
      },
    });
    try {
      const customer = await visitor(small.url);
      for (let i = 0; i < 10; i++) {
        customer.socket.send({ type: "send", clientId: `big-${i}`, text: "x".repeat(3900) });
        await customer.socket.next(isAck(`big-${i}`));
      }
      customer.socket.ws.pause();
      // Each welcome carries the ~40 KB transcript; the socket is not read meanwhile.
      for (let i = 0; i < 600; i++)
        customer.socket.send({ type: "hello", v: 1, token: customer.token });
      await new Promise((resolve) => setTimeout(resolve, 1000));
      customer.socket.ws.resume();
      await customer.socket.next(() => false, 10_000).catch(() => undefined);
      assert.equal(customer.socket.closed?.code, 1013);
      const fresh = await visitor(small.url, customer.token);
      const mine = messagesOf(fresh.welcome).filter((message) => message.author === "customer");
      assert.equal(mine.length, 10, "it resumes later with nothing lost");
      fresh.socket.close();
    } finally {
      await small.close();
    }
  });
});

/**
 * A widget's delivery logic in miniature: an outbox of unacknowledged messages, resent in
 * order after every reconnect, with the same client ids.
 */
class ReliableClient {
  readonly sent: string[] = [];
  readonly acked = new Map<string, number>();
  private socket: TestSocket | undefined;
  private token: string | undefined;
  private count = 0;

  private constructor(private readonly url: string) {}

  static async connect(url: string): Promise<ReliableClient> {
    const client = new ReliableClient(url);
    await client.reconnect();
    return client;
  }

  /** The visitor the server's signed token names (its first part). */
  get visitorId(): number {
    return Number(this.token?.split(".")[0]);
  }

  async send(label: string): Promise<void> {
    const clientId = `${label} message ${++this.count}`;
    this.sent.push(clientId);
    this.socket?.send({ type: "send", clientId, text: `text of ${clientId}` });
  }

  async "send-and-drop"(label: string): Promise<void> {
    await this.send(label);
    this.socket?.ws.terminate();
    await this.reconnect();
  }

  async reconnect(): Promise<void> {
    this.socket?.ws.terminate();
    const connected = await visitor(this.url, this.token);
    connected.socket.ws.on("message", (data) => {
      const frame = JSON.parse(String(data)) as Frame;
      if (frame.type === "ack") this.acked.set(String(frame.clientId), Number(frame.seq));
    });
    this.socket = connected.socket;
    this.token = connected.token;
    await this.resend();
  }

  async resend(): Promise<void> {
    for (const clientId of this.sent) {
      if (!this.acked.has(clientId)) {
        this.socket?.send({ type: "send", clientId, text: `text of ${clientId}` });
      }
    }
  }

  /** Reconnects once more and waits until every message is acknowledged. */
  async settle(): Promise<void> {
    await this.reconnect();
    for (const clientId of this.sent) {
      if (this.acked.has(clientId)) continue;
      await this.socket?.next(isAck(clientId), 5000);
    }
  }

  async close(): Promise<void> {
    this.socket?.close();
  }
}
