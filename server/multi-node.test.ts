import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, describe, test } from "node:test";
import { newTestDatabaseUrl, testStorage } from "../db/test-database.ts";
import { DEFAULT_WIDGET } from "../protocol/index.ts";
import { type ServerProcess, startServerProcess } from "./server-process.ts";
import {
  agentSocket,
  api,
  type Frame,
  presenceOf,
  sessionCookie,
  signIn,
  type TestSocket,
  visitor,
} from "./test-harness.ts";

/** How long a dead node's connections count: short here, so the test need not wait long. */
const NODE_TTL_MS = 1500;
const redisUrl = process.env.TEST_REDIS_URL;
const skip =
  !testStorage() || !redisUrl ? "runs with PostgreSQL and Redis (npm run test:postgres)" : false;

const isType = (type: string) => (frame: Frame) => frame.type === type;
const messageText = (frame: Frame) => (frame.message as { text: string }).text;

describe("three nodes on one database and one bus", { skip }, () => {
  const nodes: ServerProcess[] = [];
  const open: TestSocket[] = [];
  let env: Record<string, string> = {};
  before(async () => {
    env = {
      DATABASE_URL: await newTestDatabaseUrl(),
      REDIS_URL: redisUrl ?? "",
      REDIS_PREFIX: `multi-${randomBytes(4).toString("hex")}`,
      NODE_TTL_MS: String(NODE_TTL_MS),
      // Shared, as in any deployment of several nodes: a token from one opens the chat on all.
      SECRET: randomBytes(32).toString("hex"),
      BOT_PAUSE_MS: "100",
    };
    // Started together, as a deploy starts them: one migrates and seeds, the others wait.
    nodes.push(...(await Promise.all([1, 2, 3].map(() => startServerProcess(env)))));
  });
  after(async () => {
    for (const socket of open) socket.close();
    await Promise.all(nodes.map((node) => node.stop()));
  });

  test("a customer on node A and an agent on node B talk; A is killed; both resume on node C", async () => {
    const [a, b, c] = nodes as [ServerProcess, ServerProcess, ServerProcess];
    const cookie = sessionCookie(await signIn(b.url, b.admin.email, b.admin.password));
    const agent = await agentSocket(b.url, cookie);
    open.push(agent.socket);
    // The same agent has a second tab on node A; A's death must not take them offline.
    const secondTab = await agentSocket(a.url, cookie);
    open.push(secondTab.socket);

    const customer = await visitor(a.url);
    open.push(customer.socket);
    assert.equal((customer.welcome.availability as { agentsOnline: boolean }).agentsOnline, true);
    customer.socket.send({
      type: "send",
      clientId: "c-1",
      text: "I need to talk to a person, please",
    });
    // Routing on either node assigns it to the only agent online, and node B hears it.
    const assigned = await agent.socket.next(
      (frame) =>
        frame.type === "conversation" &&
        (frame.conversation as { status: string }).status === "assigned",
      10_000,
    );
    const conversationId = (assigned.conversation as { id: number }).id;
    agent.socket.send({ type: "open", conversationId });
    await agent.socket.next(isType("transcript"));

    agent.socket.send({ type: "reply", conversationId, clientId: "r-1", text: "Hi, Ana here" });
    await customer.socket.next(
      (frame) => frame.type === "message" && messageText(frame) === "Hi, Ana here",
    );
    customer.socket.send({ type: "send", clientId: "c-2", text: "My order is late" });
    const ack = await customer.socket.next(
      (frame) => frame.type === "ack" && frame.clientId === "c-2",
    );
    await agent.socket.next(
      (frame) => frame.type === "message" && messageText(frame) === "My order is late",
    );

    // Node A dies mid-conversation; the agent writes while the customer has no socket.
    await a.kill();
    agent.socket.send({ type: "reply", conversationId, clientId: "r-2", text: "Let me check" });
    await agent.socket.next((frame) => frame.type === "ack" && frame.clientId === "r-2");
    // Long enough for A's presence to expire: the agent's tab on B still counts.
    await new Promise((resolve) => setTimeout(resolve, NODE_TTL_MS * 2));

    const back = await visitor(c.url, customer.token, { conversationId, seq: Number(ack.seq) });
    open.push(back.socket);
    assert.equal(back.welcome.resumed, true);
    const missed = (back.welcome.messages as { text: string }[]).map((message) => message.text);
    assert.deepEqual(missed, ["Let me check"], "exactly what it missed, once");
    assert.equal((back.welcome.availability as { agentsOnline: boolean }).agentsOnline, true);
    back.socket.send({ type: "send", clientId: "c-3", text: "Thanks!" });
    await agent.socket.next(
      (frame) => frame.type === "message" && messageText(frame) === "Thanks!",
    );
    assert.equal(agent.socket.closed, undefined, "the agent on B never noticed A's death");

    // The agent's tab that was on A reconnects to C and gets what it missed, once.
    const again = await agentSocket(c.url, cookie);
    open.push(again.socket);
    again.socket.send({ type: "open", conversationId, afterSeq: Number(ack.seq) });
    const transcript = await again.socket.next(isType("transcript"));
    assert.deepEqual(
      (transcript.messages as { text: string }[]).map((message) => message.text),
      ["Let me check", "Thanks!"],
    );
  });

  test("an agent whose only tab was on a node that died drops offline within its time to live", async () => {
    const [, b, c] = nodes as [ServerProcess, ServerProcess, ServerProcess];
    const admin = sessionCookie(await signIn(b.url, b.admin.email, b.admin.password));
    const watcher = await agentSocket(b.url, admin, { away: true });
    open.push(watcher.socket);
    const password = "another long password 42";
    const created = await api(b.url, "POST", "/api/admin/agents", {
      cookie: admin,
      body: { email: "ben@example.com", name: "Ben", role: "agent", password },
    });
    assert.equal(created.status, 201);
    const ben = await agentSocket(
      c.url,
      sessionCookie(await signIn(c.url, "ben@example.com", password)),
    );
    open.push(ben.socket);
    await watcher.socket.next(
      (frame) => frame.type === "team" && presenceOf(frame, ben.id) === "online",
    );
    const killed = Date.now();
    await c.kill();
    await watcher.socket.next(
      (frame) => frame.type === "team" && presenceOf(frame, ben.id) === "offline",
      NODE_TTL_MS * 3,
    );
    assert.ok(Date.now() - killed <= NODE_TTL_MS * 3);
  });

  test("settings and FAQ edits saved on one node are used by the others at once", async () => {
    const [, b] = nodes as [ServerProcess, ServerProcess, ServerProcess];
    const d = await startServerProcess(env);
    nodes.push(d);
    const admin = sessionCookie(await signIn(b.url, b.admin.email, b.admin.password));
    const greetings = { en: "Welcome to the shop on every node!" };
    const saved = await api(b.url, "PUT", "/api/admin/settings/widget", {
      cookie: admin,
      body: { ...DEFAULT_WIDGET, greetings },
    });
    assert.equal(saved.status, 200);
    await eventually(async () => {
      const settings = (await (await fetch(`${d.url}/api/widget/settings?lang=en`)).json()) as {
        greeting?: string;
      };
      return settings.greeting === greetings.en;
    });

    const listed = (await (
      await api(b.url, "GET", "/api/admin/faq", { cookie: admin })
    ).json()) as {
      entries: { id: number; lang: string; title: string; answer: string; questions: string[] }[];
    };
    const hours = listed.entries.find((entry) => entry.lang === "en" && /hours/i.test(entry.title));
    assert.ok(hours, "the demo FAQ has opening hours");
    const { id, ...fields } = hours;
    const answer = "We open at 7 every day, on every node.";
    const edited = await api(b.url, "PUT", `/api/admin/faq/${id}`, {
      cookie: admin,
      body: { lang: fields.lang, title: fields.title, questions: fields.questions, answer },
    });
    assert.equal(edited.status, 200);
    const adminOnD = sessionCookie(await signIn(d.url, d.admin.email, d.admin.password));
    await eventually(async () => {
      const tried = (await (
        await api(d.url, "POST", "/api/admin/faq/try", {
          cookie: adminOnD,
          body: { text: "What are your opening hours?" },
        })
      ).json()) as { decision: { faq?: { answer: string } } };
      return tried.decision.faq?.answer === answer;
    });
  });
});

/** Polls `check` for up to 5 s: a change on one node reaches the others through the bus. */
async function eventually(check: () => Promise<boolean>): Promise<void> {
  for (let attempt = 0; attempt < 50; attempt++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.fail("the other node never saw the change");
}
