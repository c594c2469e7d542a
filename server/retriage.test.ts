import assert from "node:assert/strict";
import { afterEach, beforeEach, describe, test } from "node:test";
import type { Handoff } from "../protocol/index.ts";
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
  priority: number;
  skill?: string;
  assigneeId?: number;
  handoff?: Handoff;
  lastMessage?: { text: string };
}

const summaryOf = (frame: Frame) => frame.conversation as Summary;
const placeOf = (frame: Frame) => (frame.place as { position: number }).position;
const isPlace = (frame: Frame) => frame.type === "place";

describe("re-triage: reasons and priority follow what the customer says after the handoff", () => {
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

  async function customer(text: string) {
    const connection = await visitor(server.url);
    open.push(connection.socket);
    connection.socket.send({ type: "send", clientId: "first", text });
    const queued = await connection.socket.next(
      (frame) => frame.type === "conversation" && summaryOf(frame).status === "queued",
    );
    return { ...connection, conversationId: summaryOf(queued).id };
  }

  test("a card used by someone else, after a routine question, moves up the queue to security", async () => {
    const watcher = await agentSocket(server.url, admin, { away: true });
    open.push(watcher.socket);
    const asking = await customer("Do you sell lawnmowers?");
    const first = summaryOf(
      await watcher.socket.next(
        (f) => f.type === "conversation" && summaryOf(f).id === asking.conversationId,
      ),
    );
    assert.equal(first.priority, 0);
    assert.deepEqual(
      first.handoff?.reasons.map((r) => r.reason),
      ["unsure"],
    );
    const ahead = await customer("I would like to talk to a person please");
    assert.equal(placeOf(await asking.socket.next(isPlace)), 2);

    asking.socket.send({
      type: "send",
      clientId: "second",
      text: "Also someone used my card without my permission last night",
    });
    const moved = summaryOf(
      await watcher.socket.next(
        (f) =>
          f.type === "conversation" &&
          summaryOf(f).id === asking.conversationId &&
          summaryOf(f).priority > 0,
      ),
    );
    assert.equal(moved.status, "queued");
    assert.equal(moved.priority, 3);
    assert.equal(moved.skill, "security");
    assert.equal(moved.handoff?.reasons[0]?.reason, "sensitive");
    assert.deepEqual(moved.handoff?.history?.[0]?.reasons, ["unsure"]);
    const evidence = moved.handoff?.reasons[0]?.evidence[0];
    assert.ok(evidence);
    assert.match(moved.handoff?.text.slice(evidence.start, evidence.end) ?? "", /someone used/i);
    // First in the security line now, ahead of nobody; the other customer stays in general.
    assert.equal(placeOf(await asking.socket.next(isPlace)), 1);
    assert.equal(placeOf(await ahead.socket.next(isPlace)), 1);

    // Nobody holds it yet: the first security agent to come online gets it.
    const created = await api(server.url, "POST", "/api/admin/agents", {
      cookie: admin,
      body: {
        email: "sam@example.com",
        name: "Sam",
        role: "agent",
        password: "a long agent password",
        skills: ["security"],
      },
    });
    assert.equal(created.status, 201);
    const samCookie = sessionCookie(
      await signIn(server.url, "sam@example.com", "a long agent password"),
    );
    const sam = await agentSocket(server.url, samCookie);
    open.push(sam.socket);
    const assigned = summaryOf(
      await sam.socket.next((f) => f.type === "conversation" && summaryOf(f).status === "assigned"),
    );
    assert.deepEqual([assigned.id, assigned.assigneeId], [asking.conversationId, sam.id]);
  });

  test("a routine follow-up changes nothing; an assigned conversation keeps its agent", async () => {
    const gina = await agentSocket(server.url, admin);
    open.push(gina.socket);
    const asking = await customer("I would like to talk to a person please");
    const assigned = summaryOf(
      await gina.socket.next(
        (f) => f.type === "conversation" && summaryOf(f).status === "assigned",
      ),
    );
    asking.socket.send({ type: "send", clientId: "second", text: "It is about my order from May" });
    const followedUp = await gina.socket.next(
      (f) =>
        f.type === "conversation" &&
        summaryOf(f).lastMessage?.text === "It is about my order from May",
    );
    assert.equal(
      summaryOf(followedUp).handoff?.history,
      undefined,
      "a routine follow-up changes nothing",
    );
    asking.socket.send({ type: "send", clientId: "third", text: "I was charged twice for it" });
    const updated = summaryOf(
      await gina.socket.next(
        (f) => f.type === "conversation" && summaryOf(f).handoff?.reasons.length === 2,
      ),
    );
    assert.deepEqual(
      updated.handoff?.reasons.map((r) => r.reason),
      ["financial", "human_request"],
    );
    assert.equal(updated.priority, 2);
    assert.deepEqual([updated.status, updated.assigneeId], ["assigned", assigned.assigneeId]);
    assert.equal(updated.handoff?.history?.length, 1);
  });
});
