import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import {
  ADMIN,
  api,
  type Frame,
  type Harness,
  sessionCookie,
  signIn,
  startHarness,
  visitor,
} from "../test-harness.ts";
import type { OPENAPI } from "./openapi.ts";

const AGENT = {
  name: "Dana",
  email: "dana@example.com",
  role: "agent",
  password: "Dana's long password",
};

describe("the REST API: scoped, revocable, audited tokens", () => {
  let server: Harness;
  let admin: string;
  before(async () => {
    server = await startHarness();
    admin = sessionCookie(await signIn(server.url, ADMIN.email, ADMIN.password));
  });
  after(() => server.close());

  async function token(body: Record<string, unknown>): Promise<{ id: number; token: string }> {
    const response = await api(server.url, "POST", "/api/admin/api-tokens", {
      cookie: admin,
      body,
    });
    assert.equal(response.status, 201, await response.clone().text());
    return (await response.json()) as { id: number; token: string };
  }

  /** A call as the company's CRM makes it: no cookie, no Origin, the token. */
  function call(method: string, path: string, bearer: string, body?: unknown, headers = {}) {
    return fetch(`${server.url}/api/v1${path}`, {
      method,
      headers: {
        authorization: `Bearer ${bearer}`,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
        ...headers,
      },
      body: body === undefined ? null : JSON.stringify(body),
    });
  }

  test("a CRM reads the queue, claims, replies once per key, adds a note and resolves", async () => {
    const { token: crm } = await token({
      name: "CRM",
      scopes: [
        "conversations:read",
        "conversations:reply",
        "conversations:note",
        "conversations:resolve",
      ],
    });
    assert.match(crm, /^hfc_[\w-]{43}$/);
    const customer = await visitor(server.url);
    customer.socket.send({
      type: "send",
      clientId: "c1",
      text: "Talk to a person please, my parcel is lost",
    });
    await customer.socket.next(
      (f) =>
        f.type === "conversation" && (f.conversation as { status: string }).status === "queued",
    );

    const open = (await (await call("GET", "/conversations", crm)).json()) as {
      conversations: { id: number; status: string }[];
    };
    const queued = open.conversations.find((c) => c.status === "queued");
    assert.ok(queued);
    const messages = (await (
      await call("GET", `/conversations/${queued.id}/messages`, crm)
    ).json()) as {
      messages: { seq: number; text: string }[];
    };
    assert.equal(messages.messages[0]?.text, "Talk to a person please, my parcel is lost");
    const after = messages.messages.at(-1)?.seq ?? 0;
    const newer = (await (
      await call("GET", `/conversations/${queued.id}/messages?after=${after}`, crm)
    ).json()) as { messages: unknown[] };
    assert.deepEqual(newer.messages, []);

    // Replying needs the conversation: the token's agent (the admin) claims it first.
    const early = await call("POST", `/conversations/${queued.id}/messages`, crm, { text: "Hi!" });
    assert.equal(early.status, 409);
    const claimed = await call("POST", `/conversations/${queued.id}/claim`, crm);
    assert.equal(claimed.status, 200);
    assert.equal(
      ((await claimed.json()) as { conversation: { status: string } }).conversation.status,
      "assigned",
    );
    const reply = { text: "I found your parcel: it arrives tomorrow." };
    const first = await call("POST", `/conversations/${queued.id}/messages`, crm, reply, {
      "idempotency-key": "r-1",
    });
    const again = await call("POST", `/conversations/${queued.id}/messages`, crm, reply, {
      "idempotency-key": "r-1",
    });
    assert.equal(first.status, 201);
    assert.deepEqual(await again.json(), await first.json(), "the same key stores it once");
    const received = await customer.socket.next(
      (f: Frame) => f.type === "message" && (f.message as { text: string }).text === reply.text,
    );
    assert.equal((received.message as { authorName: string }).authorName, "Admin");
    const note = await call("POST", `/conversations/${queued.id}/notes`, crm, {
      text: "Courier confirmed by phone.",
    });
    assert.equal(note.status, 201);
    const resolved = await call("POST", `/conversations/${queued.id}/resolve`, crm);
    assert.equal(resolved.status, 200);

    const all = (await (await call("GET", `/conversations/${queued.id}/messages`, crm)).json()) as {
      messages: { text: string; internal?: boolean }[];
    };
    assert.equal(all.messages.filter((m) => m.text === reply.text).length, 1);
    assert.ok(all.messages.some((m) => m.internal && m.text === "Courier confirmed by phone."));
    const audit = (await (
      await api(server.url, "GET", "/api/admin/audit", { cookie: admin })
    ).json()) as {
      entries: { action: string; data?: { what: string } }[];
    };
    const writes = audit.entries
      .filter((entry) => entry.action === "api_write")
      .map((entry) => entry.data?.what);
    // Every accepted request is on record, the retried reply too (it stored nothing new).
    assert.deepEqual(writes.sort(), ["claim", "note", "reply", "reply", "resolve"]);
    customer.socket.close();
  });

  test("a token does only what its scopes allow, and stops the moment it is revoked or its agent goes", async () => {
    const reader = await token({ name: "Reporting", scopes: ["conversations:read"] });
    const denied = await call("POST", "/conversations/1/notes", reader.token, { text: "x" });
    assert.equal(denied.status, 403);
    assert.equal(
      ((await denied.json()) as { error: string }).error,
      "This token lacks the conversations:note scope.",
    );
    assert.equal((await call("GET", "/conversations", reader.token)).status, 200);
    assert.equal((await call("GET", "/conversations", "hfc_not-a-real-token")).status, 401);
    assert.equal((await call("GET", "/conversations?status=deleted", reader.token)).status, 400);
    assert.equal((await call("GET", "/conversations/999999", reader.token)).status, 404);
    // A browser's session cookie opens nothing here.
    const withCookie = await fetch(`${server.url}/api/v1/conversations`, {
      headers: { cookie: admin },
    });
    assert.equal(withCookie.status, 401);

    const revoked = await api(server.url, "DELETE", `/api/admin/api-tokens/${reader.id}`, {
      cookie: admin,
    });
    assert.equal(revoked.status, 204);
    assert.equal((await call("GET", "/conversations", reader.token)).status, 401);
    const listed = (await (
      await api(server.url, "GET", "/api/admin/api-tokens", { cookie: admin })
    ).json()) as {
      tokens: { id: number; revokedAt?: number; lastUsedAt?: number }[];
    };
    const entry = listed.tokens.find((t) => t.id === reader.id);
    assert.ok(entry?.revokedAt && entry.lastUsedAt);

    // A token acting as an agent ends with the agent.
    const created = await api(server.url, "POST", "/api/admin/agents", {
      cookie: admin,
      body: AGENT,
    });
    const { agent } = (await created.json()) as { agent: { id: number } };
    const theirs = await token({
      name: "Dana's bot",
      scopes: ["conversations:read"],
      agentId: agent.id,
    });
    assert.equal((await call("GET", "/conversations", theirs.token)).status, 200);
    await api(server.url, "POST", `/api/admin/agents/${agent.id}/deactivate`, { cookie: admin });
    assert.equal((await call("GET", "/conversations", theirs.token)).status, 401);
  });

  test("the OpenAPI document describes every route the API has", async () => {
    const served = (await (
      await fetch(`${server.url}/api/v1/openapi.json`)
    ).json()) as typeof OPENAPI;
    const documented = Object.entries(served.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map(
        (method) => `${method.toUpperCase()} /api/v1${path.replace(/\{(\w+)\}/g, ":$1")}`,
      ),
    );
    const routes = server.routes.filter(
      (route) => route.includes(" /api/v1/") && !route.endsWith("openapi.json"),
    );
    assert.deepEqual(documented.sort(), routes.sort());
    assert.deepEqual(Object.keys(served.webhooks).sort(), [
      "conversation.assigned",
      "conversation.created",
      "conversation.handed_off",
      "conversation.rated",
      "conversation.resolved",
      "message.created",
    ]);
  });
});
