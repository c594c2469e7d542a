import assert from "node:assert/strict";
import { afterEach, beforeEach, describe, test } from "node:test";
import type { Handoff, WireMessage } from "../protocol/index.ts";
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

interface Mark {
  id: number;
  kind: string;
  text: string;
  status: string;
  language: string;
}

const conversationOf = (frame: Frame) =>
  frame.conversation as { id: number; status: string; handoff?: Handoff };
const messageOf = (frame: Frame) => frame.message as WireMessage;

describe("learning from the agents: marks change the bot's next answer without a restart", () => {
  let server: Harness;
  let admin: string;
  let inbox: TestSocket;
  const open: TestSocket[] = [];

  beforeEach(async () => {
    server = await startHarness();
    admin = sessionCookie(await signIn(server.url, ADMIN.email, ADMIN.password));
    inbox = (await agentSocket(server.url, admin)).socket;
    open.push(inbox);
  });
  afterEach(async () => {
    for (const socket of open.splice(0)) socket.close();
    await server.close();
  });

  /** A customer's first message; resolves with what became of it: a bot answer or a handoff. */
  async function ask(text: string) {
    const customer = await visitor(server.url);
    open.push(customer.socket);
    customer.socket.send({ type: "send", clientId: "q", text });
    const outcome = await customer.socket.next(
      (f) =>
        (f.type === "message" && messageOf(f).author === "bot") ||
        (f.type === "conversation" && conversationOf(f).status !== "bot"),
    );
    return { customer, outcome };
  }

  async function entryId(title: string): Promise<number> {
    const response = await api(server.url, "GET", "/api/desk/faq", { cookie: admin });
    const { entries } = (await response.json()) as { entries: { id: number; title: string }[] };
    const found = entries.find((entry) => entry.title === title);
    assert.ok(found, title);
    return found.id;
  }

  async function mark(conversationId: number, body: unknown) {
    const response = await api(
      server.url,
      "POST",
      `/api/desk/conversations/${conversationId}/marks`,
      {
        cookie: admin,
        body,
      },
    );
    return { status: response.status, mark: ((await response.json()) as { mark: Mark }).mark };
  }

  /** Waits for the recalibration an accepted mark starts (it runs off the message path). */
  async function recalibrated(): Promise<void> {
    for (let tries = 0; tries < 200; tries++) {
      const response = await api(server.url, "GET", "/api/admin/faq/calibration", {
        cookie: admin,
      });
      if (!((await response.json()) as { pending: boolean }).pending) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    assert.fail("calibration stayed pending for 10 s");
  }

  async function audited(action: string): Promise<number> {
    const response = await api(server.url, "GET", "/api/admin/audit", { cookie: admin });
    const { entries } = (await response.json()) as { entries: { action: string }[] };
    return entries.filter((entry) => entry.action === action).length;
  }

  test("'the FAQ answers this', accepted by an admin, becomes an example the bot answers from", async () => {
    const question = "Will you post a sofa to Bergen?";
    const first = await ask(question);
    assert.equal(first.outcome.type, "conversation", "the bot was not sure and handed it off");
    const conversationId = conversationOf(first.outcome).id;

    const made = await mark(conversationId, {
      kind: "answerable",
      faqId: await entryId("International shipping"),
    });
    assert.equal(made.status, 201);
    assert.deepEqual(
      [made.mark.status, made.mark.text, made.mark.language],
      ["pending", question, "en"],
    );
    const again = await mark(conversationId, {
      kind: "answerable",
      faqId: await entryId("International shipping"),
    });
    assert.equal(again.mark.id, made.mark.id, "marking twice keeps one mark");

    const pending = await api(server.url, "GET", "/api/admin/marks?status=pending", {
      cookie: admin,
    });
    const { marks } = (await pending.json()) as { marks: Mark[] };
    assert.deepEqual(
      marks.map((m) => m.id),
      [made.mark.id],
    );
    // Still pending: the bot does not answer it yet.
    assert.equal((await ask(question)).outcome.type, "conversation");

    const accepted = await api(server.url, "POST", `/api/admin/marks/${made.mark.id}/accept`, {
      cookie: admin,
    });
    assert.equal(accepted.status, 200);
    const twice = await api(server.url, "POST", `/api/admin/marks/${made.mark.id}/accept`, {
      cookie: admin,
    });
    assert.equal(twice.status, 404, "a reviewed mark cannot be reviewed again");

    const faq = await api(server.url, "GET", "/api/admin/faq", { cookie: admin });
    const { entries } = (await faq.json()) as { entries: { title: string; questions: string[] }[] };
    const shipping = entries.find((entry) => entry.title === "International shipping");
    assert.ok(shipping?.questions.includes(question));

    // The example counts at once; the entry model learns it in the recalibration that follows.
    await recalibrated();
    const answered = await ask(question);
    assert.equal(answered.outcome.type, "message");
    assert.equal(messageOf(answered.outcome).faq?.title, "International shipping");
    assert.equal(await audited("mark_created"), 1);
    assert.equal(await audited("mark_accepted"), 1);
  });

  test("erasing the customer takes their words out of the FAQ examples they became", async () => {
    const question = "Will you post a sofa to Bergen?";
    const first = await ask(question);
    const conversationId = conversationOf(first.outcome).id;
    const shippingId = await entryId("International shipping");
    const made = await mark(conversationId, { kind: "answerable", faqId: shippingId });
    await api(server.url, "POST", `/api/admin/marks/${made.mark.id}/accept`, { cookie: admin });
    await recalibrated();
    assert.equal((await ask(question)).outcome.type, "message", "learnt");

    const visitorId = Number(first.customer.token.split(".")[0]);
    const erased = await api(server.url, "DELETE", `/api/admin/visitors/${visitorId}`, {
      cookie: admin,
    });
    assert.equal(erased.status, 204);
    const faq = await api(server.url, "GET", "/api/admin/faq", { cookie: admin });
    const { entries } = (await faq.json()) as { entries: { id: number; questions: string[] }[] };
    const shipping = entries.find((entry) => entry.id === shippingId);
    assert.ok(shipping && !shipping.questions.includes(question), "the example is gone");
    await recalibrated();
    assert.equal((await ask(question)).outcome.type, "conversation", "and so is what it taught");
    assert.equal(await audited("faq_updated"), 2, "added by the mark, removed by the erasure");
  });

  test("'this should have gone to a person', accepted at once, hands the same words to a person", async () => {
    const saved = await api(server.url, "PUT", "/api/admin/settings/learning", {
      cookie: admin,
      body: { acceptMarks: true },
    });
    assert.equal(saved.status, 200);
    const question = "Where do I find my invoice for the second payment you took";
    const first = await ask(question);
    assert.equal(first.outcome.type, "message", "the bot answered it");
    const answer = messageOf(first.outcome);
    first.customer.socket.send({ type: "send", clientId: "no", text: "That didn't help" });
    const handedOff = await first.customer.socket.next(
      (f) => f.type === "conversation" && conversationOf(f).status !== "bot",
    );
    const conversationId = conversationOf(handedOff).id;

    const refused = await mark(conversationId, {
      kind: "needs_person",
      reason: "financial",
      seq: 1,
    });
    assert.equal(refused.status, 409, "the customer's own message is not a bot answer");
    const made = await mark(conversationId, {
      kind: "needs_person",
      reason: "financial",
      seq: answer.seq,
    });
    assert.equal(made.status, 201);
    assert.deepEqual([made.mark.status, made.mark.text], ["accepted", question]);

    const next = await ask(question);
    assert.equal(next.outcome.type, "conversation");
    const { id } = conversationOf(next.outcome);
    const seen = await inbox.next((f) => f.type === "conversation" && conversationOf(f).id === id);
    assert.equal(conversationOf(seen).handoff?.reasons[0]?.reason, "financial");
    assert.equal(await audited("mark_accepted"), 1);
  });
});
