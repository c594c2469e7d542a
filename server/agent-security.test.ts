import assert from "node:assert/strict";
import { request } from "node:http";
import { after, before, describe, test } from "node:test";
import { type SQL, sql } from "drizzle-orm";
import sharp from "sharp";
import { rawRows } from "../db/raw-sql.ts";
import { DEFAULT_FILES, DEFAULT_ROUTING, DEFAULT_WIDGET } from "../protocol/index.ts";
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

const AGENT = {
  email: "ben@example.com",
  name: "Ben",
  role: "agent",
  password: "ben's password 1",
};
const FAQ = {
  lang: "en",
  title: "Gift wrap",
  answer: "We wrap for €3.",
  questions: ["Do you gift wrap?"],
};

/** "token": a REST API token with every scope, acting as the admin. */
type Role = "anonymous" | "visitor" | "agent" | "admin" | "token";
const ROLES = ["anonymous", "visitor", "agent", "admin", "token"] as const;
/**
 * "visitor": the widget's own routes, opened by a visitor token and nothing else; "token": the
 * REST API, opened by an API token and nothing else.
 */
type Access = "public" | "visitor" | "agent" | "admin" | "token";

/** A one-pixel PNG, the smallest real upload. */
const pixel = () =>
  sharp({ create: { width: 1, height: 1, channels: 3, background: "#fff" } })
    .png()
    .toBuffer();

/**
 * Every HTTP route the server has, who may use it, and a request that succeeds for those
 * allowed. A route missing here fails the test: new routes are denied until reviewed.
 */
interface RouteCase {
  access: Access;
  /** A fresh target for each attempt (ids of things made for the purpose). */
  /** A JSON body, or raw bytes (an upload). */
  request: (fixture: Fixture) => Promise<{ path: string; body?: unknown; raw?: Uint8Array }>;
  ok: number;
}

interface Fixture {
  admin: string;
  agentId(): Promise<number>;
  faqId(): Promise<number>;
  cannedId(): Promise<number>;
  visitorId(): Promise<number>;
  conversationId(): Promise<number>;
  /** A pending "the FAQ answers this" mark on a fresh conversation. */
  markId(): Promise<number>;
  /** The token of a fresh invitation link. */
  passwordToken(): Promise<string>;
  /** A conversation waiting in the queue. */
  queuedId(): Promise<number>;
  /** A conversation assigned to the admin, whom the API token acts as. */
  mineId(): Promise<number>;
  webhookId(): Promise<number>;
  /** A delivery not yet made (its endpoint's address is refused as private). */
  deliveryId(): Promise<number>;
  apiTokenId(): Promise<number>;
}

/** A browser's push subscription (as PushSubscription.toJSON() gives it). */
const DEVICE = {
  endpoint: "https://push.example.net/send/device-1",
  keys: {
    p256dh:
      "BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM",
    auth: "tBHItJI5svbpez7KI4CCXg",
  },
};
const WEBHOOK = { url: "http://127.0.0.1:9/hooks", events: ["conversation.created"] };
const ALL_SCOPES = [
  "conversations:read",
  "conversations:reply",
  "conversations:note",
  "conversations:resolve",
];

const CANNED = { shortcut: "hello", text: "Hello! How can I help?" };

const ROUTES: Record<string, RouteCase> = {
  "GET /healthz": { access: "public", ok: 200, request: async () => ({ path: "/healthz" }) },
  "POST /api/agent/session": {
    access: "public",
    ok: 200,
    request: async () => ({ path: "/api/agent/session", body: ADMIN }),
  },
  "DELETE /api/agent/session": {
    access: "public",
    ok: 204,
    request: async () => ({ path: "/api/agent/session" }),
  },
  "GET /api/agent/me": {
    access: "agent",
    ok: 200,
    request: async () => ({ path: "/api/agent/me" }),
  },
  "GET /api/admin/agents": {
    access: "admin",
    ok: 200,
    request: async () => ({ path: "/api/admin/agents" }),
  },
  "POST /api/admin/agents": {
    access: "admin",
    ok: 201,
    request: async () => ({
      path: "/api/admin/agents",
      body: { ...AGENT, email: `new-${Math.random()}@example.com` },
    }),
  },
  "POST /api/admin/agents/:id/deactivate": {
    access: "admin",
    ok: 204,
    request: async (f) => ({ path: `/api/admin/agents/${await f.agentId()}/deactivate` }),
  },
  "DELETE /api/admin/agents/:id/sessions": {
    access: "admin",
    ok: 200,
    request: async (f) => ({ path: `/api/admin/agents/${await f.agentId()}/sessions` }),
  },
  "GET /api/admin/faq": {
    access: "admin",
    ok: 200,
    request: async () => ({ path: "/api/admin/faq" }),
  },
  "GET /api/admin/faq/calibration": {
    access: "admin",
    ok: 200,
    request: async () => ({ path: "/api/admin/faq/calibration" }),
  },
  "POST /api/admin/faq": {
    access: "admin",
    ok: 201,
    request: async () => ({ path: "/api/admin/faq", body: FAQ }),
  },
  "PUT /api/admin/faq/:id": {
    access: "admin",
    ok: 200,
    request: async (f) => ({ path: `/api/admin/faq/${await f.faqId()}`, body: FAQ }),
  },
  "DELETE /api/admin/faq/:id": {
    access: "admin",
    ok: 204,
    request: async (f) => ({ path: `/api/admin/faq/${await f.faqId()}` }),
  },
  "GET /api/admin/audit": {
    access: "admin",
    ok: 200,
    request: async () => ({ path: "/api/admin/audit" }),
  },
  "GET /api/admin/visitors/:id/export": {
    access: "admin",
    ok: 200,
    request: async (f) => ({ path: `/api/admin/visitors/${await f.visitorId()}/export` }),
  },
  "DELETE /api/admin/visitors/:id": {
    access: "admin",
    ok: 204,
    request: async (f) => ({ path: `/api/admin/visitors/${await f.visitorId()}` }),
  },
  "PATCH /api/admin/agents/:id": {
    access: "admin",
    ok: 200,
    request: async (f) => ({
      path: `/api/admin/agents/${await f.agentId()}`,
      body: { skills: ["billing"], languages: ["en", "pl"], capacity: 3 },
    }),
  },
  "POST /api/admin/agents/:id/password-link": {
    access: "admin",
    ok: 200,
    request: async (f) => ({ path: `/api/admin/agents/${await f.agentId()}/password-link` }),
  },
  "POST /api/admin/faq/try": {
    access: "admin",
    ok: 200,
    request: async () => ({ path: "/api/admin/faq/try", body: { text: "Do you gift wrap?" } }),
  },
  "GET /api/admin/canned": {
    access: "admin",
    ok: 200,
    request: async () => ({ path: "/api/admin/canned" }),
  },
  "POST /api/admin/canned": {
    access: "admin",
    ok: 201,
    request: async () => ({
      path: "/api/admin/canned",
      body: { ...CANNED, shortcut: `s${Math.random().toString(36).slice(2, 10)}` },
    }),
  },
  "PUT /api/admin/canned/:id": {
    access: "admin",
    ok: 200,
    request: async (f) => {
      const id = await f.cannedId();
      return { path: `/api/admin/canned/${id}`, body: { ...CANNED, shortcut: `edited${id}` } };
    },
  },
  "DELETE /api/admin/canned/:id": {
    access: "admin",
    ok: 204,
    request: async (f) => ({ path: `/api/admin/canned/${await f.cannedId()}` }),
  },
  "GET /api/admin/settings": {
    access: "admin",
    ok: 200,
    request: async () => ({ path: "/api/admin/settings" }),
  },
  "PUT /api/admin/settings/routing": {
    access: "admin",
    ok: 200,
    request: async () => ({ path: "/api/admin/settings/routing", body: DEFAULT_ROUTING }),
  },
  "PUT /api/admin/settings/learning": {
    access: "admin",
    ok: 200,
    request: async () => ({ path: "/api/admin/settings/learning", body: { acceptMarks: false } }),
  },
  "GET /api/admin/reports/:section": {
    access: "admin",
    ok: 200,
    request: async () => ({ path: "/api/admin/reports/bot?from=2026-01-01&to=2026-01-31" }),
  },
  "GET /api/admin/reports/conversations.csv": {
    access: "admin",
    ok: 200,
    request: async () => ({
      path: "/api/admin/reports/conversations.csv?from=2026-01-01&to=2026-01-31",
    }),
  },
  "GET /api/admin/marks": {
    access: "admin",
    ok: 200,
    request: async () => ({ path: "/api/admin/marks?status=pending" }),
  },
  "POST /api/admin/marks/:id/accept": {
    access: "admin",
    ok: 200,
    request: async (f) => ({ path: `/api/admin/marks/${await f.markId()}/accept` }),
  },
  "POST /api/admin/marks/:id/reject": {
    access: "admin",
    ok: 200,
    request: async (f) => ({ path: `/api/admin/marks/${await f.markId()}/reject` }),
  },
  "GET /api/desk/faq": {
    access: "agent",
    ok: 200,
    request: async () => ({ path: "/api/desk/faq" }),
  },
  "POST /api/desk/conversations/:id/marks": {
    access: "agent",
    ok: 201,
    request: async (f) => ({
      path: `/api/desk/conversations/${await f.conversationId()}/marks`,
      body: { kind: "answerable", faqId: await f.faqId() },
    }),
  },
  "PUT /api/admin/settings/widget": {
    access: "admin",
    ok: 200,
    request: async () => ({ path: "/api/admin/settings/widget", body: DEFAULT_WIDGET }),
  },
  "PUT /api/admin/settings/files": {
    access: "admin",
    ok: 200,
    request: async () => ({ path: "/api/admin/settings/files", body: DEFAULT_FILES }),
  },
  "GET /api/agent/password-link": {
    access: "public",
    ok: 200,
    request: async (f) => ({ path: `/api/agent/password-link?token=${await f.passwordToken()}` }),
  },
  "POST /api/agent/password-link": {
    access: "public",
    ok: 204,
    request: async (f) => ({
      path: "/api/agent/password-link",
      body: { token: await f.passwordToken(), password: "a brand new password" },
    }),
  },
  "GET /api/desk/resolved": {
    access: "agent",
    ok: 200,
    request: async () => ({ path: "/api/desk/resolved" }),
  },
  "GET /api/desk/visitors/:id/conversations": {
    access: "agent",
    ok: 200,
    request: async (f) => ({ path: `/api/desk/visitors/${await f.visitorId()}/conversations` }),
  },
  "GET /api/desk/conversations/:id/suggestions": {
    access: "agent",
    ok: 200,
    request: async (f) => ({
      path: `/api/desk/conversations/${await f.conversationId()}/suggestions`,
    }),
  },
  "GET /api/desk/search": {
    access: "agent",
    ok: 200,
    request: async () => ({ path: "/api/desk/search?q=Hello" }),
  },
  "GET /api/desk/canned": {
    access: "agent",
    ok: 200,
    request: async () => ({ path: "/api/desk/canned" }),
  },
  "POST /api/widget/files": {
    access: "visitor",
    ok: 201,
    request: async () => ({ path: "/api/widget/files?name=pixel.png", raw: await pixel() }),
  },
  "POST /api/desk/conversations/:id/files": {
    access: "agent",
    ok: 201,
    request: async (f) => ({
      path: `/api/desk/conversations/${await f.conversationId()}/files?name=pixel.png`,
      raw: await pixel(),
    }),
  },
  "GET /api/admin/webhooks": {
    access: "admin",
    ok: 200,
    request: async () => ({ path: "/api/admin/webhooks" }),
  },
  "POST /api/admin/webhooks": {
    access: "admin",
    ok: 201,
    request: async () => ({ path: "/api/admin/webhooks", body: WEBHOOK }),
  },
  "PUT /api/admin/webhooks/:id": {
    access: "admin",
    ok: 200,
    request: async (f) => ({ path: `/api/admin/webhooks/${await f.webhookId()}`, body: WEBHOOK }),
  },
  "DELETE /api/admin/webhooks/:id": {
    access: "admin",
    ok: 204,
    request: async (f) => ({ path: `/api/admin/webhooks/${await f.webhookId()}` }),
  },
  "GET /api/admin/webhook-deliveries": {
    access: "admin",
    ok: 200,
    request: async () => ({ path: "/api/admin/webhook-deliveries" }),
  },
  "POST /api/admin/webhook-deliveries/:id/retry": {
    access: "admin",
    ok: 204,
    request: async (f) => ({ path: `/api/admin/webhook-deliveries/${await f.deliveryId()}/retry` }),
  },
  "GET /api/admin/api-tokens": {
    access: "admin",
    ok: 200,
    request: async () => ({ path: "/api/admin/api-tokens" }),
  },
  "POST /api/admin/api-tokens": {
    access: "admin",
    ok: 201,
    request: async () => ({
      path: "/api/admin/api-tokens",
      body: { name: "CRM", scopes: ["conversations:read"] },
    }),
  },
  "DELETE /api/admin/api-tokens/:id": {
    access: "admin",
    ok: 204,
    request: async (f) => ({ path: `/api/admin/api-tokens/${await f.apiTokenId()}` }),
  },
  "GET /api/v1/openapi.json": {
    access: "public",
    ok: 200,
    request: async () => ({ path: "/api/v1/openapi.json" }),
  },
  "GET /api/v1/conversations": {
    access: "token",
    ok: 200,
    request: async () => ({ path: "/api/v1/conversations" }),
  },
  "GET /api/v1/conversations/:id": {
    access: "token",
    ok: 200,
    request: async (f) => ({ path: `/api/v1/conversations/${await f.conversationId()}` }),
  },
  "GET /api/v1/conversations/:id/messages": {
    access: "token",
    ok: 200,
    request: async (f) => ({ path: `/api/v1/conversations/${await f.conversationId()}/messages` }),
  },
  "POST /api/v1/conversations/:id/claim": {
    access: "token",
    ok: 200,
    request: async (f) => ({ path: `/api/v1/conversations/${await f.queuedId()}/claim` }),
  },
  "POST /api/v1/conversations/:id/messages": {
    access: "token",
    ok: 201,
    request: async (f) => ({
      path: `/api/v1/conversations/${await f.mineId()}/messages`,
      body: { text: "On it." },
    }),
  },
  "POST /api/v1/conversations/:id/notes": {
    access: "token",
    ok: 201,
    request: async (f) => ({
      path: `/api/v1/conversations/${await f.queuedId()}/notes`,
      body: { text: "Called them." },
    }),
  },
  "POST /api/v1/conversations/:id/resolve": {
    access: "token",
    ok: 200,
    request: async (f) => ({ path: `/api/v1/conversations/${await f.mineId()}/resolve` }),
  },
  "GET /api/desk/alerts": {
    access: "agent",
    ok: 200,
    request: async () => ({ path: "/api/desk/alerts" }),
  },
  "PUT /api/desk/alerts/email": {
    access: "agent",
    ok: 200,
    request: async () => ({ path: "/api/desk/alerts/email", body: { on: false } }),
  },
  "POST /api/desk/alerts/devices": {
    access: "agent",
    ok: 204,
    request: async () => ({ path: "/api/desk/alerts/devices", body: DEVICE }),
  },
  "DELETE /api/desk/alerts/devices": {
    access: "agent",
    ok: 204,
    request: async () => ({
      path: "/api/desk/alerts/devices",
      body: { endpoint: DEVICE.endpoint },
    }),
  },
  "GET /api/widget/settings": {
    access: "public",
    ok: 200,
    request: async () => ({ path: "/api/widget/settings" }),
  },
};

const ALLOWED: Record<Access, Role[]> = {
  public: ["anonymous", "visitor", "agent", "admin", "token"],
  visitor: ["visitor"],
  token: ["token"],
  agent: ["agent", "admin"],
  admin: ["admin"],
};

describe("agents: sessions, roles, cross-site requests, headers, audit and privacy", () => {
  let clock = Date.now();
  let server: Harness;
  let adminCookie: string;
  let apiToken: string;
  before(async () => {
    // The access matrix opens a fresh conversation for each role of many routes.
    const many = { points: 1000, perMs: 60_000 };
    server = await startHarness({
      now: () => clock,
      limits: { newConversationsPerIp: many, newVisitorsPerIp: many },
    });
    adminCookie = sessionCookie(await signIn(server.url, ADMIN.email, ADMIN.password));
    const issued = await api(server.url, "POST", "/api/admin/api-tokens", {
      cookie: adminCookie,
      body: { name: "Every scope", scopes: ALL_SCOPES },
    });
    apiToken = ((await issued.json()) as { token: string }).token;
  });
  after(async () => {
    await server.close();
  });

  const fixture = (): Fixture => ({
    admin: adminCookie,
    async agentId() {
      const email = `target-${Math.random()}@example.com`;
      const response = await api(server.url, "POST", "/api/admin/agents", {
        cookie: adminCookie,
        body: { ...AGENT, email },
      });
      return ((await response.json()) as { agent: { id: number } }).agent.id;
    },
    async faqId() {
      const response = await api(server.url, "POST", "/api/admin/faq", {
        cookie: adminCookie,
        body: FAQ,
      });
      return ((await response.json()) as { entry: { id: number } }).entry.id;
    },
    async cannedId() {
      const shortcut = `c${Math.random().toString(36).slice(2, 10)}`;
      const response = await api(server.url, "POST", "/api/admin/canned", {
        cookie: adminCookie,
        body: { ...CANNED, shortcut },
      });
      return ((await response.json()) as { response: { id: number } }).response.id;
    },
    async visitorId() {
      return (await customerWithConversation()).visitorId;
    },
    async conversationId() {
      return (await customerWithConversation()).conversationId;
    },
    async markId() {
      const conversationId = (await customerWithConversation()).conversationId;
      const response = await api(
        server.url,
        "POST",
        `/api/desk/conversations/${conversationId}/marks`,
        {
          cookie: adminCookie,
          body: { kind: "answerable", faqId: await this.faqId() },
        },
      );
      return ((await response.json()) as { mark: { id: number } }).mark.id;
    },
    async queuedId() {
      const { socket } = await visitor(server.url);
      socket.send({ type: "talk_to_person" });
      const queued = await socket.next(
        (frame) =>
          frame.type === "conversation" &&
          (frame.conversation as { status: string }).status === "queued",
      );
      socket.close();
      return (queued.conversation as { id: number }).id;
    },
    async mineId() {
      const id = await this.queuedId();
      const claimed = await fetch(`${server.url}/api/v1/conversations/${id}/claim`, {
        method: "POST",
        headers: { authorization: `Bearer ${apiToken}` },
      });
      assert.equal(claimed.status, 200);
      return id;
    },
    async webhookId() {
      const response = await api(server.url, "POST", "/api/admin/webhooks", {
        cookie: adminCookie,
        body: WEBHOOK,
      });
      return ((await response.json()) as { endpoint: { id: number } }).endpoint.id;
    },
    async deliveryId() {
      const endpoint = await this.webhookId();
      await customerWithConversation();
      const response = await api(
        server.url,
        "GET",
        `/api/admin/webhook-deliveries?endpoint=${endpoint}`,
        { cookie: adminCookie },
      );
      const [delivery] = ((await response.json()) as { deliveries: { id: number }[] }).deliveries;
      assert.ok(delivery);
      return delivery.id;
    },
    async apiTokenId() {
      const response = await api(server.url, "POST", "/api/admin/api-tokens", {
        cookie: adminCookie,
        body: { name: "Spare", scopes: ["conversations:read"] },
      });
      return ((await response.json()) as { id: number }).id;
    },
    async passwordToken() {
      const response = await api(server.url, "POST", "/api/admin/agents", {
        cookie: adminCookie,
        body: { name: "Invited", role: "agent", email: `invited-${Math.random()}@example.com` },
      });
      const { inviteUrl } = (await response.json()) as { inviteUrl: string };
      return new URL(inviteUrl).hash.replace("#password=", "");
    },
  });

  async function customerWithConversation() {
    const { socket, token } = await visitor(server.url);
    socket.send({ type: "send", clientId: "v", text: "Hello" });
    await socket.next((frame) => frame.type === "ack");
    socket.close();
    const visitorId = Number(token.split(".")[0]);
    const [row] = await rawRows<{ id: number }>(
      server.database,
      sql`select id from conversations where visitor_id = ${visitorId}`,
    );
    assert.ok(row);
    return { visitorId, conversationId: row.id };
  }

  test("every route allows exactly the roles it should and denies all others", async () => {
    assert.deepEqual(
      server.routes.filter((route) => route.includes(" /api/") || route === "GET /healthz").sort(),
      Object.keys(ROUTES).sort(),
      "every route is listed in the access matrix",
    );
    const { token: visitorToken } = await visitor(server.url);
    const agentResponse = await api(server.url, "POST", "/api/admin/agents", {
      cookie: adminCookie,
      body: AGENT,
    });
    assert.equal(agentResponse.status, 201);
    const credentials: Record<Role, Record<string, string>> = {
      anonymous: {},
      // A visitor's token opens nothing here, as a cookie or as a bearer token.
      visitor: {
        cookie: `hfc_session=${visitorToken}`,
        authorization: `Bearer ${visitorToken}`,
      },
      agent: { cookie: sessionCookie(await signIn(server.url, AGENT.email, AGENT.password)) },
      admin: { cookie: sessionCookie(await signIn(server.url, ADMIN.email, ADMIN.password)) },
      token: { authorization: `Bearer ${apiToken}` },
    };
    const signedInAgain = async (role: Role) => {
      const who = role === "admin" ? ADMIN : AGENT;
      credentials[role] = {
        cookie: sessionCookie(await signIn(server.url, who.email, who.password)),
      };
    };
    for (const [route, spec] of Object.entries(ROUTES)) {
      const [method = "GET"] = route.split(" ");
      for (const role of ROLES) {
        const { path, body, raw } = await spec.request(fixture());
        const response = await fetch(`${server.url}${path}`, {
          method,
          headers: {
            origin: server.url,
            "content-type": raw ? "application/octet-stream" : "application/json",
            ...credentials[role],
          },
          body: raw ?? (body === undefined ? null : JSON.stringify(body)),
        });
        // Signing in (rotation) and out end the cookie that was sent: take a new one.
        if (path === "/api/agent/session" && (role === "agent" || role === "admin")) {
          await signedInAgain(role);
        }
        const allowed = ALLOWED[spec.access].includes(role);
        // A signed-in agent lacks the role (403); the widget's routes and the REST API know
        // no sessions (401).
        const forbidden = role === "agent" && (spec.access === "admin" || spec.access === "public");
        const expected = allowed ? [spec.ok] : forbidden ? [403] : [401];
        assert.ok(
          expected.includes(response.status),
          `${role} ${route}: ${response.status}, expected ${expected}`,
        );
      }
    }
    // Nor does a visitor token open the agent socket.
    await assert.rejects(
      TestSocket.open(`${server.url}/ws/agent`, { cookie: `hfc_session=${visitorToken}` }),
      /401/,
    );
  });

  test("the session cookie is HttpOnly, SameSite=Strict, and Secure outside localhost", async () => {
    const local = await signIn(server.url, ADMIN.email, ADMIN.password);
    const localCookie = local.headers.get("set-cookie") ?? "";
    assert.match(localCookie, /HttpOnly/);
    assert.match(localCookie, /SameSite=Strict/);
    assert.doesNotMatch(localCookie, /Secure/);

    const port = new URL(server.url).port;
    const remote = await new Promise<string>((resolve, reject) => {
      const body = JSON.stringify(ADMIN);
      const call = request(
        {
          host: "127.0.0.1",
          port,
          method: "POST",
          path: "/api/agent/session",
          headers: {
            host: "chat.example.com",
            origin: "https://chat.example.com",
            "content-type": "application/json",
          },
        },
        (response) => {
          response.resume();
          resolve(String(response.headers["set-cookie"] ?? ""));
        },
      );
      call.on("error", reject);
      call.end(body);
    });
    assert.match(remote, /; Secure/);
  });

  test("sessions rotate at sign-in, expire, and an admin can revoke them", async () => {
    const first = sessionCookie(await signIn(server.url, ADMIN.email, ADMIN.password));
    const rotated = await api(server.url, "POST", "/api/agent/session", {
      cookie: first,
      body: ADMIN,
    });
    const second = sessionCookie(rotated);
    assert.notEqual(second, first);
    assert.equal((await api(server.url, "GET", "/api/agent/me", { cookie: first })).status, 401);
    assert.equal((await api(server.url, "GET", "/api/agent/me", { cookie: second })).status, 200);

    clock += 12 * 60 * 60 * 1000 + 1;
    try {
      assert.equal((await api(server.url, "GET", "/api/agent/me", { cookie: second })).status, 401);
    } finally {
      clock = Date.now();
    }

    const email = `revoke-${Date.now()}@example.com`;
    const created = await api(server.url, "POST", "/api/admin/agents", {
      cookie: adminCookie,
      body: { ...AGENT, email },
    });
    const { id } = ((await created.json()) as { agent: { id: number } }).agent;
    const agentCookie = sessionCookie(await signIn(server.url, email, AGENT.password));
    const revoke = await api(server.url, "DELETE", `/api/admin/agents/${id}/sessions`, {
      cookie: adminCookie,
    });
    assert.deepEqual(await revoke.json(), { ended: 1 });
    assert.equal(
      (await api(server.url, "GET", "/api/agent/me", { cookie: agentCookie })).status,
      401,
    );

    const again = sessionCookie(await signIn(server.url, email, AGENT.password));
    await api(server.url, "POST", `/api/admin/agents/${id}/deactivate`, { cookie: adminCookie });
    assert.equal((await api(server.url, "GET", "/api/agent/me", { cookie: again })).status, 401);
    assert.equal((await signIn(server.url, email, AGENT.password)).status, 401);
  });

  test("sign-in attempts are rate-limited per account and address", async () => {
    const limited = await startHarness();
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) {
        statuses.push((await signIn(limited.url, ADMIN.email, `wrong ${i}`)).status);
      }
      // Five failures are allowed; the sixth attempt waits.
      assert.deepEqual(statuses, [401, 401, 401, 401, 401, 429]);
      const right = await signIn(limited.url, ADMIN.email, ADMIN.password);
      assert.equal(right.status, 429, "even the right password waits");
      assert.ok(Number(right.headers.get("retry-after")) > 0);
    } finally {
      await limited.close();
    }
  });

  test("sign-ins sent at once are counted before the password is checked", async () => {
    const limited = await startHarness();
    try {
      const attempts = Array.from({ length: 39 }, (_, i) => `wrong ${i}`).concat(ADMIN.password);
      const statuses = await Promise.all(
        attempts.map(async (password) => (await signIn(limited.url, ADMIN.email, password)).status),
      );
      const checked = statuses.filter((status) => status !== 429);
      assert.ok(checked.length <= 5, `checked ${checked.length}: ${statuses}`);
      assert.equal(statuses.at(-1), 429, "the right password, sent 40th, waits like the rest");
    } finally {
      await limited.close();
    }
  });

  test("state-changing requests from another site are refused, JSON or not", async () => {
    for (const origin of ["https://evil.example", ""]) {
      const response = await fetch(`${server.url}/api/admin/faq`, {
        method: "POST",
        headers: {
          cookie: adminCookie,
          "content-type": "application/json",
          ...(origin ? { origin } : {}),
        },
        body: JSON.stringify(FAQ),
      });
      assert.equal(response.status, 403, `origin "${origin}"`);
    }
    const signOut = await fetch(`${server.url}/api/agent/session`, {
      method: "DELETE",
      headers: { cookie: adminCookie, origin: "https://evil.example" },
    });
    assert.equal(signOut.status, 403);
    assert.equal(
      (await api(server.url, "GET", "/api/agent/me", { cookie: adminCookie })).status,
      200,
    );
  });

  test("every page carries a strict CSP, nosniff, a referrer policy, and refuses framing", async () => {
    for (const path of ["/", "/inbox", "/healthz", "/widget.js", "/no-such-page"]) {
      const response = await fetch(`${server.url}${path}`);
      const csp = response.headers.get("content-security-policy") ?? "";
      const scriptSrc = csp.split(";").find((part) => part.trim().startsWith("script-src")) ?? "";
      assert.match(scriptSrc, /'self'/, path);
      assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/, path);
      assert.match(csp, /frame-ancestors 'none'/, path);
      assert.equal(response.headers.get("x-content-type-options"), "nosniff", path);
      assert.equal(response.headers.get("x-frame-options"), "DENY", path);
      assert.equal(
        response.headers.get("referrer-policy"),
        "strict-origin-when-cross-origin",
        path,
      );
    }
  });

  test("the audit log records sign-ins, conversation moves, admin changes and privacy actions", async () => {
    const { socket: agent } = await agentSocket(server.url, adminCookie, { away: true });
    const customer = await visitor(server.url);
    customer.socket.send({
      type: "send",
      clientId: "audit-1",
      text: "I want to speak to a person",
    });
    // Signing in may first assign conversations left queued by earlier tests: wait for this one.
    const queued = await agent.next(
      (frame) =>
        frame.type === "conversation" &&
        (frame.conversation as { status: string }).status === "queued",
    );
    const id = (queued.conversation as { id: number }).id;
    agent.send({ type: "claim", conversationId: id });
    await agent.next(
      (frame) =>
        frame.type === "conversation" &&
        (frame.conversation as { status: string }).status === "assigned",
    );
    agent.send({ type: "resolve", conversationId: id });
    await agent.next(
      (frame) =>
        frame.type === "conversation" &&
        (frame.conversation as { status: string }).status === "resolved",
    );
    agent.close();
    await signIn(server.url, ADMIN.email, "not the password");
    await api(server.url, "POST", "/api/admin/faq", { cookie: adminCookie, body: FAQ });
    await api(server.url, "POST", "/api/admin/agents", {
      cookie: adminCookie,
      body: { ...AGENT, email: "audited@example.com" },
    });

    const response = await api(server.url, "GET", "/api/admin/audit", { cookie: adminCookie });
    const { entries } = (await response.json()) as {
      entries: { action: string; target: string | null; agentName: string | null }[];
    };
    const actions = new Set(entries.map((entry) => entry.action));
    for (const action of [
      "sign_in",
      "sign_in_failed",
      "claim",
      "resolve",
      "agent_created",
      "faq_created",
    ]) {
      assert.ok(actions.has(action), `audit has ${action}`);
    }
    const claim = entries.find((entry) => entry.action === "claim");
    assert.deepEqual([claim?.target, claim?.agentName], [`conversation:${id}`, "Admin"]);
    customer.socket.close();
  });

  test("an admin exports one customer's data, and deleting it really removes the rows", async () => {
    const customer = await visitor(server.url);
    customer.socket.send({ type: "send", clientId: "gdpr-1", text: "My email is eva@example.com" });
    await customer.socket.next((frame) => frame.type === "ack");
    customer.socket.close();
    const visitorId = Number(customer.token.split(".")[0]);

    const exported = await api(server.url, "GET", `/api/admin/visitors/${visitorId}/export`, {
      cookie: adminCookie,
    });
    assert.match(exported.headers.get("content-disposition") ?? "", /attachment/);
    const data = (await exported.json()) as {
      conversations: { messages: { text: string }[]; events: unknown[] }[];
    };
    assert.equal(data.conversations[0]?.messages[0]?.text, "My email is eva@example.com");
    assert.ok((data.conversations[0]?.events.length ?? 0) > 0);

    const deleted = await api(server.url, "DELETE", `/api/admin/visitors/${visitorId}`, {
      cookie: adminCookie,
    });
    assert.equal(deleted.status, 204);
    const none = async (query: SQL) => assert.deepEqual(await rawRows(server.database, query), []);
    await none(sql`select id from visitors where id = ${visitorId}`);
    await none(sql`select id from conversations where visitor_id = ${visitorId}`);
    await none(sql`select id from messages where text like '%eva@example.com%'`);
    await none(
      sql`select id from conversation_events where conversation_id not in (select id from conversations)`,
    );
    const audit = (await (
      await api(server.url, "GET", "/api/admin/audit", { cookie: adminCookie })
    ).json()) as {
      entries: { action: string; target: string }[];
    };
    assert.ok(
      audit.entries.some(
        (e) => e.action === "visitor_deleted" && e.target === `visitor:${visitorId}`,
      ),
    );
    assert.ok(audit.entries.some((e) => e.action === "visitor_exported"));
    // The same token now finds nobody: a fresh, empty chat.
    const back = await visitor(server.url, customer.token);
    assert.deepEqual(back.welcome.messages, []);
    back.socket.close();
  });
});
