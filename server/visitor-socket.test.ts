import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { sql } from "drizzle-orm";
import { rawRows } from "../db/raw-sql.ts";
import { type Harness, startHarness, TestSocket, visitor } from "./test-harness.ts";

describe("visitor WebSocket", () => {
  let server: Harness;
  before(async () => {
    server = await startHarness();
  });
  after(async () => {
    await server.close();
  });

  const storedWithClientId = (clientId: string) =>
    rawRows<{ seq: number; text: string }>(
      server.database,
      sql`select seq, text from messages where client_id = ${clientId}`,
    );

  test("a message is in the database by the time its ack arrives", async () => {
    const { socket } = await visitor(server.url);
    socket.send({ type: "send", clientId: "persist-1", text: "Do you sell gift cards?" });
    const ack = await socket.next((frame) => frame.type === "ack");
    // A separate connection to the file: only a committed row is visible here.
    const rows = await storedWithClientId("persist-1");
    assert.deepEqual(rows, [{ seq: ack.seq, text: "Do you sell gift cards?" }]);
    socket.close();
  });

  test("resend with the same clientId, also after a reconnect, stores one message", async () => {
    const first = await visitor(server.url);
    const frame = { type: "send", clientId: "resend-1", text: "How much is shipping?" };
    first.socket.send(frame);
    const ack1 = await first.socket.next((f) => f.type === "ack");
    first.socket.send(frame);
    const ack2 = await first.socket.next((f) => f.type === "ack");
    first.socket.close();

    const again = await visitor(server.url, first.token);
    again.socket.send(frame);
    const ack3 = await again.socket.next((f) => f.type === "ack");
    assert.equal(ack2.seq, ack1.seq);
    assert.equal(ack3.seq, ack1.seq);
    assert.equal((await storedWithClientId("resend-1")).length, 1);
    again.socket.close();
  });

  test("invalid frames get a typed error and the connection keeps working", async () => {
    const socket = await TestSocket.open(`${server.url}/ws/visitor`);
    const bad: unknown[] = [
      "not json",
      "[1,2,3]",
      { type: "shout", text: "hi" },
      { type: "send", clientId: "", text: "x" },
      { type: "send", clientId: "empty", text: "   " },
      { type: "send", clientId: "long", text: "x".repeat(5000) },
      { type: "hello", v: 99 },
    ];
    for (const frame of bad) {
      socket.send(frame);
      const error = await socket.next();
      assert.equal(error.type, "error", `for ${JSON.stringify(frame).slice(0, 40)}`);
      assert.equal(error.code, "invalid_frame");
      assert.ok(String(error.message).length > 0);
    }
    socket.ws.send(Buffer.from([1, 2, 3]), { binary: true });
    assert.equal((await socket.next()).code, "invalid_frame");

    socket.send({ type: "hello", v: 1 });
    assert.equal((await socket.next()).type, "welcome");
    socket.close();
  });

  test("a message before hello is refused as not_ready, with its clientId", async () => {
    const socket = await TestSocket.open(`${server.url}/ws/visitor`);
    socket.send({ type: "send", clientId: "early", text: "hello?" });
    const error = await socket.next();
    assert.deepEqual([error.type, error.code, error.clientId], ["error", "not_ready", "early"]);
    assert.equal((await storedWithClientId("early")).length, 0);
    socket.close();
  });

  test("an FAQ question is answered by the bot, naming the entry", async () => {
    const { socket } = await visitor(server.url);
    socket.send({ type: "send", clientId: "faq-1", text: "What are your opening hours?" });
    await socket.next((frame) => frame.type === "ack");
    const answer = await socket.next(
      (frame) => frame.type === "message" && (frame.message as { author: string }).author === "bot",
    );
    const message = answer.message as { text: string; faq: { title: string } };
    assert.equal(message.faq.title, "Opening hours");
    assert.match(message.text, /Monday to Friday/);
    socket.close();
  });

  test("thanks after an answer: the bot resolves it; writing again, the bot answers again", async () => {
    const { socket } = await visitor(server.url);
    const botAnswer = (frame: { type: string; message?: unknown }) =>
      frame.type === "message" && (frame.message as { author: string }).author === "bot";
    const status = (wanted: string) => (frame: { type: string; conversation?: unknown }) =>
      frame.type === "conversation" && (frame.conversation as { status: string }).status === wanted;
    socket.send({ type: "send", clientId: "ty-1", text: "What are your opening hours?" });
    await socket.next(botAnswer);
    socket.send({ type: "send", clientId: "ty-2", text: "Thanks, that helped!" });
    await socket.next(status("resolved"));
    socket.send({ type: "send", clientId: "ty-3", text: "Do you ship abroad?" });
    await socket.next(status("bot"));
    const answer = await socket.next(botAnswer);
    assert.equal(
      (answer.message as { faq: { title: string } }).faq.title,
      "International shipping",
    );
    socket.close();
  });

  test("after a financial handoff the bot never answers again", async () => {
    const { socket, token } = await visitor(server.url);
    socket.send({ type: "send", clientId: "money-1", text: "I was charged twice for my order" });
    const status = await socket.next((frame) => frame.type === "conversation");
    assert.equal((status.conversation as { status: string }).status, "queued");

    socket.send({ type: "send", clientId: "money-2", text: "What are your opening hours?" });
    await socket.next((frame) => frame.type === "ack" && frame.clientId === "money-2");
    socket.close();

    const { welcome } = await visitor(server.url, token);
    const authors = (welcome.messages as { author: string }[]).map((m) => m.author);
    assert.deepEqual(authors, ["customer", "system", "customer"]);
  });

  test("an unknown token gets a new visitor, never someone else's conversation", async () => {
    const owner = await visitor(server.url);
    owner.socket.send({ type: "send", clientId: "private-1", text: "My order number is 5521" });
    await owner.socket.next((frame) => frame.type === "ack");
    const stranger = await visitor(server.url, "guessed-token");
    assert.notEqual(stranger.token, owner.token);
    assert.equal(stranger.welcome.conversation, null);
    assert.deepEqual(stranger.welcome.messages, []);
    owner.socket.close();
    stranger.socket.close();
  });
});
