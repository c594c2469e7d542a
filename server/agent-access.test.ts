import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { sql } from "drizzle-orm";
import { rawRows, rawRun } from "../db/raw-sql.ts";
import {
  ROLE_CHANGED_CLOSE as ROLE_CHANGED,
  SESSION_ENDED_CLOSE as SESSION_ENDED,
} from "../protocol/index.ts";
import {
  ADMIN,
  agentSocket,
  api,
  type Frame,
  type Harness,
  sessionCookie,
  signIn,
  startHarness,
  visitor,
} from "./test-harness.ts";

const PASSWORD = "a long agent password";
const TWELVE_HOURS = 12 * 60 * 60 * 1000;

describe("an agent's inbox socket lasts exactly as long as their access", () => {
  let clock = Date.now();
  let server: Harness;
  let admin: string;
  let made = 0;
  before(async () => {
    server = await startHarness({ now: () => clock });
    admin = sessionCookie(await signIn(server.url, ADMIN.email, ADMIN.password));
  });
  after(() => server.close());

  /** A new agent, signed in, with their inbox open (away: nothing is assigned to them). */
  async function signedInAgent(role: "agent" | "admin" = "agent") {
    const email = `agent-${++made}@example.com`;
    const created = await api(server.url, "POST", "/api/admin/agents", {
      cookie: admin,
      body: { email, name: `Agent ${made}`, role, password: PASSWORD },
    });
    assert.equal(created.status, 201);
    const cookie = sessionCookie(await signIn(server.url, email, PASSWORD));
    return { ...(await agentSocket(server.url, cookie, { away: true })), cookie, email };
  }

  async function queuedConversation(): Promise<number> {
    const customer = await visitor(server.url);
    customer.socket.send({ type: "talk_to_person" });
    const frame = await customer.socket.next((f) => f.type === "conversation");
    customer.socket.close();
    return (frame.conversation as { id: number }).id;
  }

  test("signing out closes the socket of that session only", async () => {
    const agent = await signedInAgent();
    const otherDevice = await agentSocket(
      server.url,
      sessionCookie(await signIn(server.url, agent.email, PASSWORD)),
    );
    await api(server.url, "DELETE", "/api/agent/session", { cookie: agent.cookie });
    assert.deepEqual(await agent.socket.closedByServer(), {
      code: SESSION_ENDED,
      reason: "You signed out.",
    });
    otherDevice.socket.send({ type: "ping" });
    await otherDevice.socket.next((frame) => frame.type === "pong");
    otherDevice.socket.close();
  });

  test("an admin revoking the sessions or deactivating the agent closes every socket", async () => {
    const revoked = await signedInAgent();
    await api(server.url, "DELETE", `/api/admin/agents/${revoked.id}/sessions`, { cookie: admin });
    assert.deepEqual(await revoked.socket.closedByServer(), {
      code: SESSION_ENDED,
      reason: "An admin ended your sessions. Sign in again.",
    });

    const deactivated = await signedInAgent();
    await api(server.url, "POST", `/api/admin/agents/${deactivated.id}/deactivate`, {
      cookie: admin,
    });
    assert.deepEqual(await deactivated.socket.closedByServer(), {
      code: SESSION_ENDED,
      reason: "Your account was deactivated.",
    });
  });

  test("a new password ends the sessions it replaces", async () => {
    const agent = await signedInAgent();
    const link = await api(server.url, "POST", `/api/admin/agents/${agent.id}/password-link`, {
      cookie: admin,
    });
    const { url } = (await link.json()) as { url: string };
    const token = new URL(url).hash.replace("#password=", "");
    const set = await api(server.url, "POST", "/api/agent/password-link", {
      body: { token, password: "another long password" },
    });
    assert.equal(set.status, 204);
    assert.equal((await agent.socket.closedByServer()).code, SESSION_ENDED);
  });

  test("a demoted admin's socket closes, and the next one acts as an agent", async () => {
    const demoted = await signedInAgent("admin");
    const conversationId = await queuedConversation();
    await api(server.url, "PATCH", `/api/admin/agents/${demoted.id}`, {
      cookie: admin,
      body: { role: "agent" },
    });
    assert.deepEqual(await demoted.socket.closedByServer(), {
      code: ROLE_CHANGED,
      reason: "Your role changed.",
    });
    const again = await agentSocket(server.url, demoted.cookie, { away: true });
    assert.equal((again.inbox.agent as { role: string }).role, "agent");
    // Only an admin may move a conversation that is not theirs.
    again.socket.send({ type: "transfer", conversationId, to: { skill: "billing" } });
    const refused = await again.socket.next((frame) => frame.type === "error");
    assert.equal(refused.code, "conflict");
    again.socket.close();
  });

  test("a session that expires while connected closes its socket at the next frame", async () => {
    const agent = await signedInAgent();
    clock += TWELVE_HOURS + 1;
    try {
      agent.socket.send({ type: "presence", status: "online" });
      assert.deepEqual(await agent.socket.closedByServer(), {
        code: SESSION_ENDED,
        reason: "Your session expired. Sign in again.",
      });
    } finally {
      clock = Date.now();
    }
  });

  test("access ended elsewhere (another node): the next move is refused and never recorded", async () => {
    const agent = await signedInAgent();
    const conversationId = await queuedConversation();
    // Another server node deactivates the agent: no event reaches this one.
    await rawRun(server.database, sql`update agents set active = false where id = ${agent.id}`);
    agent.socket.send({ type: "claim", conversationId });
    assert.deepEqual(await agent.socket.closedByServer(), {
      code: SESSION_ENDED,
      reason: "Your session ended. Sign in again.",
    });
    const moves = agent.socket.received.filter(
      (frame: Frame) => frame.type === "conversation" && conversationOf(frame) === conversationId,
    );
    assert.ok(
      moves.every((frame) => (frame.conversation as { status: string }).status !== "assigned"),
    );
    const claimed = await rawRows(
      server.database,
      sql`select id from conversation_events where conversation_id = ${conversationId} and type = 'claimed'`,
    );
    assert.equal(claimed.length, 0);
  });
});

function conversationOf(frame: Frame): number | undefined {
  return (frame.conversation as { id?: number } | undefined)?.id;
}
