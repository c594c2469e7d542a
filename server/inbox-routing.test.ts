import assert from "node:assert/strict";
import { afterEach, beforeEach, describe, test } from "node:test";
import {
  ADMIN,
  agentSocket,
  api,
  type Frame,
  type Harness,
  sessionCookie,
  signIn,
  startHarness,
  type TestSocket,
  visitor,
} from "./test-harness.ts";

interface Summary {
  id: number;
  status: string;
  assigneeId?: number;
  skill?: string;
  priority: number;
}

const PASSWORD = "a long agent password";

/** The summary in a `conversation` frame. */
const summaryOf = (frame: Frame) => frame.conversation as Summary;
const assignedTo = (agentId: number) => (frame: Frame) =>
  frame.type === "conversation" &&
  summaryOf(frame).status === "assigned" &&
  summaryOf(frame).assigneeId === agentId;

describe("routing: the right agent gets each handoff at once", () => {
  let server: Harness;
  let admin: string;
  const open: TestSocket[] = [];

  beforeEach(async () => {
    server = await startHarness();
    admin = sessionCookie(await signIn(server.url, ADMIN.email, ADMIN.password));
  });
  afterEach(async () => {
    for (const socket of open.splice(0)) socket.close();
    await server.close();
  });

  /** An agent made by the admin, signed in, with their inbox open. */
  async function agent(
    name: string,
    profile: { skills?: string[]; languages?: string[]; capacity?: number; away?: boolean } = {},
  ) {
    const { away, ...fields } = profile;
    const email = `${name.toLowerCase()}@example.com`;
    const created = await api(server.url, "POST", "/api/admin/agents", {
      cookie: admin,
      body: { email, name, role: "agent", password: PASSWORD, ...fields },
    });
    assert.equal(created.status, 201);
    const cookie = sessionCookie(await signIn(server.url, email, PASSWORD));
    const inbox = await agentSocket(server.url, cookie, away ? { away } : {});
    open.push(inbox.socket);
    return inbox;
  }

  async function customer(text?: string) {
    const connection = await visitor(server.url);
    open.push(connection.socket);
    if (text === undefined) connection.socket.send({ type: "talk_to_person" });
    else connection.socket.send({ type: "send", clientId: "m1", text });
    return connection;
  }

  test("a money question goes to billing and a broken app to technical", async () => {
    const bill = await agent("Bill", { skills: ["billing"] });
    const tess = await agent("Tess", { skills: ["technical"] });
    await customer("I was charged twice for my order");
    const billing = summaryOf(await bill.socket.next(assignedTo(bill.id)));
    assert.equal(billing.skill, "billing");
    await customer("The app crashes every time I export a report after the update");
    const technical = summaryOf(await tess.socket.next(assignedTo(tess.id)));
    assert.equal(technical.skill, "technical");
  });

  test("an agent who speaks the customer's language is preferred", async () => {
    await agent("Gina", { skills: ["general"], languages: ["en"] });
    const pia = await agent("Pia", { skills: ["general"], languages: ["en", "pl"] });
    await customer("Dzień dobry, chciałabym porozmawiać z człowiekiem, proszę");
    const assigned = summaryOf(await pia.socket.next(assignedTo(pia.id)));
    assert.equal(assigned.status, "assigned");
  });

  test("with nobody of the skill online, any online agent takes it", async () => {
    const gina = await agent("Gina", { skills: ["general"] });
    await customer("I was charged twice for my order");
    const assigned = summaryOf(await gina.socket.next(assignedTo(gina.id)));
    assert.equal(assigned.skill, "billing");
  });

  test("with nobody online it waits in the queue, and the first agent to come gets it", async () => {
    const watcher = await agentSocket(server.url, admin, { away: true });
    open.push(watcher.socket);
    await customer();
    const queued = summaryOf(await watcher.socket.next((f) => f.type === "conversation"));
    assert.equal(queued.status, "queued");
    const gina = await agent("Gina");
    const assigned = await gina.socket.next(assignedTo(gina.id));
    assert.equal(summaryOf(assigned).id, queued.id);
  });

  test("capacity is respected; the queue goes by priority, then waiting time", async () => {
    const gina = await agent("Gina", { capacity: 1 });
    await customer();
    const first = summaryOf(await gina.socket.next(assignedTo(gina.id)));
    const waitingLonger = await customer();
    const queuedFirst = summaryOf(
      await gina.socket.next((f) => f.type === "conversation" && summaryOf(f).status === "queued"),
    );
    await customer("Someone logged into my account and changed my password");
    const urgent = summaryOf(
      await gina.socket.next(
        (f) =>
          f.type === "conversation" &&
          summaryOf(f).status === "queued" &&
          summaryOf(f).id !== queuedFirst.id,
      ),
    );
    assert.ok(urgent.priority > queuedFirst.priority, "the security handoff is more urgent");
    await customer();
    const queuedLast = summaryOf(
      await gina.socket.next(
        (f) =>
          f.type === "conversation" &&
          summaryOf(f).status === "queued" &&
          ![queuedFirst.id, urgent.id].includes(summaryOf(f).id),
      ),
    );

    gina.socket.send({ type: "resolve", conversationId: first.id });
    assert.equal(summaryOf(await gina.socket.next(assignedTo(gina.id))).id, urgent.id);
    gina.socket.send({ type: "resolve", conversationId: urgent.id });
    assert.equal(summaryOf(await gina.socket.next(assignedTo(gina.id))).id, queuedFirst.id);
    gina.socket.send({ type: "resolve", conversationId: queuedFirst.id });
    assert.equal(summaryOf(await gina.socket.next(assignedTo(gina.id))).id, queuedLast.id);
    waitingLonger.socket.close();
  });

  test("an away agent gets nothing until they are back online", async () => {
    const gina = await agent("Gina", { away: true });
    await customer();
    const queued = summaryOf(await gina.socket.next((f) => f.type === "conversation"));
    assert.equal(queued.status, "queued");
    gina.socket.send({ type: "presence", status: "online" });
    assert.equal(summaryOf(await gina.socket.next(assignedTo(gina.id))).id, queued.id);
  });

  test("a transfer moves the conversation with a note the customer never receives", async () => {
    const gina = await agent("Gina");
    const customerSide = await customer();
    const conversation = summaryOf(await gina.socket.next(assignedTo(gina.id)));
    const pia = await agent("Pia", { away: true });
    gina.socket.send({
      type: "transfer",
      conversationId: conversation.id,
      to: { agentId: pia.id },
      note: "Wants a refund to a different card; I checked the order already.",
    });
    await pia.socket.next(assignedTo(pia.id));
    pia.socket.send({ type: "open", conversationId: conversation.id });
    const transcript = await pia.socket.next((f) => f.type === "transcript");
    const messages = transcript.messages as { text: string; internal?: boolean; event?: string }[];
    const note = messages.find((message) => message.internal);
    assert.match(note?.text ?? "", /different card/);
    assert.ok(messages.some((message) => message.event === "transferred"));

    const told = await customerSide.socket.next(
      (f) => f.type === "message" && (f.message as { event?: string }).event === "transferred",
    );
    assert.ok(told);
    // The customer's own view of the conversation, from the database, has no note either.
    const again = await visitor(server.url, customerSide.token);
    open.push(again.socket);
    const seen = again.welcome.messages as { text: string }[];
    assert.ok(seen.length > 0);
    assert.ok(seen.every((message) => !/different card/.test(message.text)));
    assert.ok(
      customerSide.socket.received.every((f) => !JSON.stringify(f).includes("different card")),
    );
  });

  test("a transfer to a skill group goes back to the queue and to an agent of that group", async () => {
    const gina = await agent("Gina");
    await customer();
    const conversation = summaryOf(await gina.socket.next(assignedTo(gina.id)));
    const sam = await agent("Sam", { skills: ["security"] });
    gina.socket.send({
      type: "transfer",
      conversationId: conversation.id,
      to: { skill: "security" },
    });
    const moved = summaryOf(await sam.socket.next(assignedTo(sam.id)));
    assert.deepEqual([moved.id, moved.skill], [conversation.id, "security"]);
  });

  test("a customer writing in a resolved conversation reopens it to the queue, not the bot", async () => {
    const gina = await agent("Gina", { away: true });
    const customerSide = await customer();
    const queued = summaryOf(await gina.socket.next((f) => f.type === "conversation"));
    gina.socket.send({ type: "claim", conversationId: queued.id });
    await gina.socket.next(assignedTo(gina.id));
    gina.socket.send({ type: "resolve", conversationId: queued.id });
    await gina.socket.next((f) => f.type === "conversation" && summaryOf(f).status === "resolved");
    customerSide.socket.send({
      type: "send",
      clientId: "again",
      text: "What are your opening hours?",
    });
    const reopened = summaryOf(
      await gina.socket.next((f) => f.type === "conversation" && summaryOf(f).status === "queued"),
    );
    assert.equal(reopened.id, queued.id);
    await assert.rejects(
      customerSide.socket.next(
        (f) => f.type === "message" && (f.message as { author: string }).author === "bot",
        800,
      ),
    );
  });
});
