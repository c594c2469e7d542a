import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import {
  ADMIN,
  agentSocket,
  api,
  type Harness,
  sessionCookie,
  signIn,
  startHarness,
  TestSocket,
  visitor,
} from "./test-harness.ts";

describe("agent sign-in and inbox", () => {
  let server: Harness;
  before(async () => {
    server = await startHarness();
  });
  after(() => server.close());

  test("a wrong password or unknown email is refused with a clear message", async () => {
    for (const [email, password] of [
      [ADMIN.email, "wrong password"],
      ["nobody@example.com", ADMIN.password],
    ] as const) {
      const response = await signIn(server.url, email, password);
      assert.equal(response.status, 401);
      assert.deepEqual(await response.json(), { error: "Wrong email or password." });
      assert.equal(response.headers.get("set-cookie"), null);
    }
    const malformed = await fetch(`${server.url}/api/agent/session`, {
      method: "POST",
      headers: { origin: server.url },
      body: "{",
    });
    assert.equal(malformed.status, 400);
  });

  test("signing in sets an HttpOnly SameSite=Strict cookie that signing out revokes", async () => {
    const response = await signIn(server.url, ` ${ADMIN.email.toUpperCase()} `, ADMIN.password);
    assert.equal(response.status, 200);
    const header = response.headers.get("set-cookie") ?? "";
    assert.match(header, /HttpOnly/);
    assert.match(header, /SameSite=Strict/);
    const cookie = sessionCookie(response);

    const me = await fetch(`${server.url}/api/agent/me`, { headers: { cookie } });
    assert.equal(((await me.json()) as { agent: { email: string } }).agent.email, ADMIN.email);

    await api(server.url, "DELETE", "/api/agent/session", { cookie });
    const after = await fetch(`${server.url}/api/agent/me`, { headers: { cookie } });
    assert.equal(after.status, 401);
  });

  test("the agent socket needs a session and the inbox's own origin", async () => {
    await assert.rejects(TestSocket.open(`${server.url}/ws/agent`, { origin: server.url }), /401/);
    const cookie = sessionCookie(await signIn(server.url, ADMIN.email, ADMIN.password));
    await assert.rejects(
      TestSocket.open(`${server.url}/ws/agent`, { cookie, origin: "https://evil.example" }),
      /403/,
    );
  });

  test("an agent sees a handoff live, claims it once, replies and resolves", async () => {
    const cookie = sessionCookie(await signIn(server.url, ADMIN.email, ADMIN.password));
    // Away: the router leaves the handoff in the queue for a manual claim.
    const { socket: agent } = await agentSocket(server.url, cookie, { away: true });

    const customer = await visitor(server.url);
    customer.socket.send({
      type: "send",
      clientId: "c1",
      text: "I was charged twice for my order",
    });
    const queued = await agent.next((frame) => frame.type === "conversation");
    const conversation = queued.conversation as {
      id: number;
      status: string;
      handoff: { reasons: { reason: string; evidence: { start: number; end: number }[] }[] };
    };
    assert.equal(conversation.status, "queued");
    const [financial] = conversation.handoff.reasons;
    assert.equal(financial?.reason, "financial");
    const span = financial?.evidence[0];
    assert.ok(span);
    assert.equal("I was charged twice for my order".slice(span.start, span.end), "charged twice");

    agent.send({ type: "claim", conversationId: conversation.id });
    await customer.socket.next(
      (frame) =>
        frame.type === "conversation" &&
        (frame.conversation as { agentName?: string }).agentName === "Admin",
    );
    agent.send({ type: "claim", conversationId: conversation.id });
    assert.equal((await agent.next((frame) => frame.type === "error")).code, "conflict");

    agent.send({
      type: "reply",
      conversationId: conversation.id,
      clientId: "r1",
      text: "Refunding now.",
    });
    await agent.next((frame) => frame.type === "ack" && frame.clientId === "r1");
    const reply = await customer.socket.next(
      (frame) =>
        frame.type === "message" && (frame.message as { author: string }).author === "agent",
    );
    assert.deepEqual(
      [
        (reply.message as { text: string }).text,
        (reply.message as { authorName: string }).authorName,
      ],
      ["Refunding now.", "Admin"],
    );

    agent.send({ type: "resolve", conversationId: conversation.id });
    const resolved = await customer.socket.next((frame) => frame.type === "conversation");
    assert.equal((resolved.conversation as { status: string }).status, "resolved");

    agent.send({ type: "open", conversationId: 9999 });
    assert.equal((await agent.next((frame) => frame.type === "error")).code, "not_found");
    agent.close();
    customer.socket.close();
  });
});
