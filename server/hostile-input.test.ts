import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import fc from "fast-check";
import WebSocket from "ws";
import { MAX_FRAME_BYTES } from "./server.ts";
import {
  ADMIN,
  api,
  type Frame,
  type Harness,
  sessionCookie,
  signIn,
  startHarness,
  TestSocket,
  visitor,
} from "./test-harness.ts";

const isError = (code: string) => (frame: Frame) => frame.type === "error" && frame.code === code;

/** Waits until the server closes the socket, and returns the close code. */
async function closedWith(socket: TestSocket): Promise<number> {
  return (await socket.closedByServer(5000)).code;
}

/** A normal customer still completes a conversation: hello, question, ack, bot answer. */
async function conversationStillWorks(url: string): Promise<void> {
  const { socket } = await visitor(url);
  socket.send({ type: "send", clientId: "normal-1", text: "What are your opening hours?" });
  await socket.next((frame) => frame.type === "ack");
  const answer = await socket.next(
    (frame) => frame.type === "message" && (frame.message as { author: string }).author === "bot",
  );
  assert.match((answer.message as { text: string }).text, /Monday to Friday/);
  socket.close();
}

describe("hostile input", () => {
  let server: Harness;
  before(async () => {
    server = await startHarness({
      limits: {
        connectionsPerIp: 30,
        framesPerConnection: { points: 40, perMs: 60_000 },
        messagesPerConnection: { points: 5, perMs: 60_000 },
        messagesPerIp: { points: 12, perMs: 60_000 },
        newConversationsPerIp: { points: 4, perMs: 60_000 },
        newVisitorsPerIp: { points: 200, perMs: 60_000 },
      },
    });
  });
  after(() => server.close());

  test("a frame over 64 KiB closes the socket with 1009; nothing else is affected", async () => {
    const socket = await TestSocket.open(`${server.url}/ws/visitor`);
    socket.send("x".repeat(MAX_FRAME_BYTES + 1));
    assert.equal(await closedWith(socket), 1009);
  });

  test("too many frames on one socket close it with 1008", async () => {
    const socket = await TestSocket.open(`${server.url}/ws/visitor`);
    for (let i = 0; i < 60; i++) socket.send({ type: "typing" });
    assert.equal(await closedWith(socket), 1008);
  });

  test("messages beyond the per-connection and per-address rates get rate_limited, unstored", async () => {
    const first = await visitor(server.url);
    for (let i = 0; i < 5; i++) {
      first.socket.send({ type: "send", clientId: `burst-${i}`, text: `question ${i}` });
      await first.socket.next((frame) => frame.type === "ack" && frame.clientId === `burst-${i}`);
    }
    first.socket.send({ type: "send", clientId: "burst-5", text: "one too many" });
    const refused = await first.socket.next(isError("rate_limited"));
    assert.equal(refused.clientId, "burst-5");
    assert.ok(Number(refused.retryAfterMs) > 0);

    // A second connection from the same address has its own 5, but the address has 12.
    const second = await visitor(server.url, first.token);
    const codes: string[] = [];
    for (let i = 0; i < 8; i++) {
      second.socket.send({ type: "send", clientId: `more-${i}`, text: `more ${i}` });
      const reply = await second.socket.next(
        (frame) =>
          (frame.type === "ack" || frame.type === "error") && frame.clientId === `more-${i}`,
      );
      codes.push(reply.type === "ack" ? "ack" : String(reply.code));
    }
    assert.ok(codes.includes("rate_limited"), codes.join());
    first.socket.close();
    second.socket.close();
  });

  test("new conversations from one address are limited", async () => {
    const limited = await startHarness({
      limits: { newConversationsPerIp: { points: 2, perMs: 60_000 } },
    });
    try {
      const results: string[] = [];
      for (let i = 0; i < 3; i++) {
        const { socket } = await visitor(limited.url);
        socket.send({ type: "send", clientId: `new-${i}`, text: "Hello there" });
        const reply = await socket.next((f) => f.type === "ack" || f.type === "error");
        results.push(reply.type === "ack" ? "ack" : String(reply.code));
        socket.close();
      }
      assert.deepEqual(results, ["ack", "ack", "rate_limited"]);
    } finally {
      await limited.close();
    }
  });

  test("connections beyond the per-address cap are closed with 1013", async () => {
    const capped = await startHarness({ limits: { connectionsPerIp: 3 } });
    try {
      const open = await Promise.all(
        [1, 2, 3].map(() => TestSocket.open(`${capped.url}/ws/visitor`)),
      );
      const fourth = await TestSocket.open(`${capped.url}/ws/visitor`);
      assert.equal(await closedWith(fourth), 1013);
      for (const socket of open) socket.close();
      await new Promise((resolve) => setTimeout(resolve, 200));
      const later = await TestSocket.open(`${capped.url}/ws/visitor`);
      later.send({ type: "ping" });
      assert.equal((await later.next()).type, "pong");
      later.close();
    } finally {
      await capped.close();
    }
  });

  test("handshakes only on the documented paths and from allowed origins", async () => {
    const status = (path: string, origin?: string) =>
      new Promise<number>((resolve) => {
        const ws = new WebSocket(`${server.url.replace("http", "ws")}${path}`, {
          headers: origin ? { origin } : {},
        });
        ws.on("open", () => {
          ws.close();
          resolve(101);
        });
        ws.on("unexpected-response", (_request, response) => resolve(response.statusCode ?? 0));
        ws.on("error", () => undefined);
      });
    assert.equal(await status("/ws/visitor", server.url), 101);
    assert.equal(await status("/ws/visitor", "https://evil.example"), 403);
    assert.equal(await status("/ws/visitor"), 403);
    assert.equal(await status("/ws/other", server.url), 404);
    assert.equal(await status("/api/agent/me", server.url), 404);
    assert.equal(await status("/", server.url), 404);

    const allowed = await startHarness({ env: { ALLOWED_ORIGINS: "https://shop.example" } });
    try {
      const socket = await TestSocket.open(`${allowed.url}/ws/visitor`, {
        origin: "https://shop.example",
      });
      socket.send({ type: "ping" });
      assert.equal((await socket.next()).type, "pong");
      socket.close();
      await assert.rejects(
        TestSocket.open(`${allowed.url}/ws/visitor`, { origin: "https://shop.example.evil" }),
        /403/,
      );
    } finally {
      await allowed.close();
    }
  });

  test("fuzz: random and malformed frames never crash the server or hurt other customers", async () => {
    const fuzzed = await startHarness({
      limits: { framesPerConnection: { points: 10_000, perMs: 60_000 } },
    });
    try {
      const frame = fc.oneof(
        fc.string({ maxLength: 200 }),
        fc.json({ maxDepth: 6 }),
        fc.uint8Array({ maxLength: 512 }),
        fc.string({ minLength: 10_000, maxLength: 60_000 }),
        fc.record({
          type: fc.oneof(
            fc.constantFrom("hello", "send", "talk_to_person", "typing", "ping", "open", "claim"),
            fc.string(),
          ),
          v: fc.anything(),
          token: fc.oneof(fc.string(), fc.anything()),
          clientId: fc.anything(),
          text: fc.oneof(
            fc.string(),
            fc.anything(),
            fc.string({ minLength: 4001, maxLength: 5000 }),
          ),
          resume: fc.anything(),
          user: fc.anything(),
        }),
        fc.constant(`${"[".repeat(10_000)}${"]".repeat(10_000)}`),
      );
      const socket = await TestSocket.open(`${fuzzed.url}/ws/visitor`);
      const failures: string[] = [];
      socket.ws.on("message", (data) => {
        const reply = JSON.parse(String(data)) as Frame;
        if (reply.type === "error" && reply.code === "internal") failures.push(String(data));
      });
      await fc.assert(
        fc.asyncProperty(fc.array(frame, { maxLength: 20 }), async (frames) => {
          for (const item of frames) {
            if (item instanceof Uint8Array) socket.ws.send(item, { binary: true });
            else socket.send(typeof item === "string" ? item : JSON.stringify(item));
          }
          // Every frame was handled (or refused) before this one is answered.
          socket.send({ type: "ping" });
          await socket.next((reply) => reply.type === "pong");
          assert.deepEqual(failures, []);
        }),
        { numRuns: 150 },
      );
      socket.close();
      await conversationStillWorks(fuzzed.url);
    } finally {
      await fuzzed.close();
    }
  });
});

describe("hostile HTTP requests", () => {
  let server: Harness;
  let admin: string;
  before(async () => {
    server = await startHarness();
    admin = sessionCookie(await signIn(server.url, ADMIN.email, ADMIN.password));
  });
  after(() => server.close());

  /** A body sent in chunks, with no Content-Length to refuse it by. */
  function chunked(bytes: number): ReadableStream<Uint8Array> {
    let sent = 0;
    return new ReadableStream({
      pull(controller) {
        if (sent >= bytes) return controller.close();
        controller.enqueue(new Uint8Array(64 * 1024).fill(0x61));
        sent += 64 * 1024;
      },
    });
  }

  test("a body over the limit gets 413 before it is read, by length or in chunks", async () => {
    const huge = `{"email":"${"a".repeat(1024 * 1024)}","password":"x"}`;
    const signIn = await api(server.url, "POST", "/api/agent/session", { body: huge });
    assert.equal(signIn.status, 413);
    assert.deepEqual(await signIn.json(), { error: "The request is too large." });

    const faq = await fetch(`${server.url}/api/admin/faq`, {
      method: "POST",
      headers: { origin: server.url, cookie: admin, "content-type": "application/json" },
      body: chunked(8 * 1024 * 1024),
      duplex: "half",
    } as RequestInit);
    assert.equal(faq.status, 413);

    // A normal request right after still works.
    const me = await api(server.url, "GET", "/api/agent/me", { cookie: admin });
    assert.equal(me.status, 200);
  });

  test("control characters in a search are never a server error", async () => {
    for (const q of ["ab\u0000cd", "\u0000\u0000\u0000", "refund\u0007", '"\u0000"']) {
      const response = await api(server.url, "GET", `/api/desk/search?q=${encodeURIComponent(q)}`, {
        cookie: admin,
      });
      assert.ok(response.status === 200 || response.status === 400, `${q}: ${response.status}`);
    }
  });
});
