import assert from "node:assert/strict";
import { afterEach, beforeEach, describe, test } from "node:test";
import { DEFAULT_WIDGET } from "../protocol/index.ts";
import {
  ADMIN,
  agentSocket,
  api,
  eventually,
  type Frame,
  type Harness,
  sessionCookie,
  signIn,
  startHarness,
  type TestSocket,
  visitor,
} from "./test-harness.ts";
import { startSmtpInbox } from "./test-smtp.ts";

const MINUTE = 60_000;
const isType = (type: string) => (frame: Frame) => frame.type === type;
const placeOf = (frame: Frame) => frame.place as { position: number; waitMinutes?: number };

describe("the customer's side: place in line, availability, email, rating", () => {
  let server: Harness;
  let admin: string;
  /** The server's clock, moved by the tests. */
  let clock = Date.parse("2026-11-24T10:00:00Z");
  const open: TestSocket[] = [];

  beforeEach(async () => {
    server = await startHarness({ now: () => clock });
    admin = sessionCookie(await signIn(server.url, ADMIN.email, ADMIN.password));
  });
  afterEach(async () => {
    for (const socket of open.splice(0)) socket.close();
    await server.close();
  });

  /** A customer who asked for a person; returns once their conversation is queued. */
  async function waitingCustomer() {
    const customer = await visitor(server.url);
    open.push(customer.socket);
    // Each a second after the one before, so the line has an order.
    clock += 1000;
    customer.socket.send({ type: "talk_to_person" });
    const queued = await customer.socket.next(
      (frame) =>
        frame.type === "conversation" &&
        (frame.conversation as { status: string }).status === "queued",
    );
    return { ...customer, conversationId: (queued.conversation as { id: number }).id };
  }

  async function awayAdmin() {
    const inbox = await agentSocket(server.url, admin, { away: true });
    open.push(inbox.socket);
    return inbox;
  }

  test("each queued customer hears their place, and moves up when the one ahead is taken", async () => {
    const agent = await awayAdmin();
    const first = await waitingCustomer();
    assert.deepEqual(placeOf(await first.socket.next(isType("place"))), { position: 1 });
    const second = await waitingCustomer();
    assert.deepEqual(placeOf(await second.socket.next(isType("place"))), { position: 2 });

    agent.socket.send({ type: "claim", conversationId: first.conversationId });
    assert.deepEqual(placeOf(await second.socket.next(isType("place"))), { position: 1 });
    // A reconnecting customer gets their place in the welcome.
    const again = await visitor(server.url, second.token);
    open.push(again.socket);
    assert.deepEqual(placeOf(again.welcome), { position: 1 });
  });

  test("with enough recent pickups the wait is a number of minutes, times the place in line", async () => {
    const agent = await awayAdmin();
    for (let pickup = 0; pickup < 5; pickup += 1) {
      const customer = await waitingCustomer();
      clock += 3 * MINUTE;
      agent.socket.send({ type: "claim", conversationId: customer.conversationId });
      await customer.socket.next(
        (frame) =>
          frame.type === "conversation" &&
          (frame.conversation as { status: string }).status === "assigned",
      );
      clock += MINUTE;
    }
    // The history is read at most every 30 s.
    clock += 31_000;
    const first = await waitingCustomer();
    assert.deepEqual(placeOf(await first.socket.next(isType("place"))), {
      position: 1,
      waitMinutes: 3,
    });
    const second = await waitingCustomer();
    assert.deepEqual(placeOf(await second.socket.next(isType("place"))), {
      position: 2,
      waitMinutes: 6,
    });
  });

  test("the widget is told at once whether anyone can answer, and when that changes", async () => {
    const customer = await visitor(server.url);
    open.push(customer.socket);
    assert.deepEqual(customer.welcome.availability, { open: true, agentsOnline: false });

    const inbox = await agentSocket(server.url, admin);
    open.push(inbox.socket);
    const online = await customer.socket.next(isType("availability"));
    assert.deepEqual(online.availability, { open: true, agentsOnline: true });

    // Business hours that ended before now (Tuesday 10:00 UTC): closed until Wednesday 09:00.
    const hours = {
      timeZone: "UTC",
      days: [
        { day: 2, open: "07:00", close: "09:00" },
        { day: 3, open: "09:00", close: "17:00" },
      ],
    };
    const saved = await api(server.url, "PUT", "/api/admin/settings/widget", {
      cookie: admin,
      body: { ...DEFAULT_WIDGET, hours },
    });
    assert.equal(saved.status, 200);
    const closed = await customer.socket.next(isType("availability"));
    assert.deepEqual(closed.availability, {
      open: false,
      agentsOnline: true,
      opensAt: Date.parse("2026-11-25T09:00:00Z"),
    });

    const badZone = await api(server.url, "PUT", "/api/admin/settings/widget", {
      cookie: admin,
      body: { ...DEFAULT_WIDGET, hours: { ...hours, timeZone: "Mars/Olympus" } },
    });
    assert.equal(badZone.status, 400);
    assert.match(((await badZone.json()) as { error: string }).error, /IANA name/);
  });

  test("an email the customer leaves is checked, kept, and shown to the agent", async () => {
    const agent = await awayAdmin();
    const customer = await waitingCustomer();
    customer.socket.send({ type: "email", email: "not an address" });
    const refused = await customer.socket.next(isType("error"));
    assert.equal(refused.code, "invalid_frame");

    customer.socket.send({ type: "email", email: " ada@example.com " });
    assert.equal((await customer.socket.next(isType("email_saved"))).email, "ada@example.com");
    const update = await agent.socket.next(
      (frame) => frame.type === "conversation" && "contactEmail" in (frame.conversation as object),
    );
    assert.equal((update.conversation as { contactEmail: string }).contactEmail, "ada@example.com");
    assert.equal(agent.inbox.emailEnabled, false);

    const again = await visitor(server.url, customer.token);
    open.push(again.socket);
    assert.equal(again.welcome.email, "ada@example.com");
  });

  test("only the customer rates their own conversation, once it is resolved; the agent sees it", async () => {
    const agent = await awayAdmin();
    const customer = await waitingCustomer();
    const rate = {
      type: "rate",
      conversationId: customer.conversationId,
      score: 5,
      comment: "Kind",
    };
    customer.socket.send(rate);
    assert.equal((await customer.socket.next(isType("error"))).code, "conflict");

    agent.socket.send({ type: "claim", conversationId: customer.conversationId });
    agent.socket.send({ type: "resolve", conversationId: customer.conversationId });
    await customer.socket.next(
      (frame) =>
        frame.type === "conversation" &&
        (frame.conversation as { status: string }).status === "resolved",
    );
    const stranger = await visitor(server.url);
    open.push(stranger.socket);
    stranger.socket.send(rate);
    assert.equal((await stranger.socket.next(isType("error"))).code, "conflict");
    customer.socket.send({ ...rate, score: 6 });
    assert.equal((await customer.socket.next(isType("error"))).code, "invalid_frame");

    customer.socket.send(rate);
    const rated = await customer.socket.next(isType("conversation"));
    assert.deepEqual((rated.conversation as { rating: unknown }).rating, {
      score: 5,
      comment: "Kind",
    });
    const seen = await agent.socket.next(
      (frame) => frame.type === "conversation" && "rating" in (frame.conversation as object),
    );
    assert.deepEqual((seen.conversation as { rating: unknown }).rating, {
      score: 5,
      comment: "Kind",
    });
  });
});

test("a reply to a customer who left is emailed in their language, kept and retried while the mail server is down", async () => {
  // The mail server's address is known, but it is down when the reply is written.
  const first = await startSmtpInbox();
  const port = Number(new URL(first.url).port);
  await first.close();
  const server = await startHarness({ env: { SMTP_URL: first.url, MAIL_RETRY_MS: "200" } });
  const sockets: TestSocket[] = [];
  let smtp: Awaited<ReturnType<typeof startSmtpInbox>> | undefined;
  try {
    const admin = sessionCookie(await signIn(server.url, ADMIN.email, ADMIN.password));
    const agent = await agentSocket(server.url, admin);
    sockets.push(agent.socket);
    assert.equal(agent.inbox.emailEnabled, true);
    const customer = await visitor(server.url);
    sockets.push(customer.socket);
    customer.socket.send({ type: "email", email: "ada@example.com" });
    await customer.socket.next(isType("email_saved"));
    customer.socket.send({ type: "send", clientId: "c1", text: "Chcę porozmawiać z konsultantem" });
    const assigned = await agent.socket.next(
      (frame) =>
        frame.type === "conversation" &&
        (frame.conversation as { status: string }).status === "assigned",
    );
    const conversationId = (assigned.conversation as { id: number }).id;

    // Still in the chat: no email.
    agent.socket.send({ type: "reply", conversationId, clientId: "r1", text: "First reply" });
    await customer.socket.next((frame) => frame.type === "message");
    customer.socket.close();
    await new Promise((settled) => setTimeout(settled, 200));
    agent.socket.send({ type: "reply", conversationId, clientId: "r2", text: "Druga odpowiedź" });
    agent.socket.send({
      type: "note",
      conversationId,
      clientId: "n1",
      text: "internal, never mailed",
    });
    await agent.socket.next((frame) => frame.type === "ack" && frame.clientId === "n1");

    // A few failed attempts later the mail server is back, on the same port.
    await new Promise((settled) => setTimeout(settled, 500));
    const back = await startSmtpInbox(port);
    smtp = back;
    await eventually(() => back.received.length > 0, "the email");
    await new Promise((settled) => setTimeout(settled, 300));
    assert.equal(smtp.received.length, 1);
    const [mail] = smtp.received;
    assert.deepEqual(mail?.to, ["ada@example.com"]);
    assert.match(mail?.raw ?? "", /Druga odpowiedź/);
    assert.match(mail?.raw ?? "", /Możesz odpowiedzieć na czacie/);
  } finally {
    for (const socket of sockets) socket.close();
    await server.close();
    await smtp?.close();
  }
});
