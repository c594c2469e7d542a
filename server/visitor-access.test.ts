import assert from "node:assert/strict";
import { createHmac } from "node:crypto";
import { after, before, describe, test } from "node:test";
import { sql } from "drizzle-orm";
import { rawRows } from "../db/raw-sql.ts";
import { issueVisitorToken, VISITOR_TOKEN_TTL_MS } from "./auth/visitor-token.ts";
import { type Frame, type Harness, startHarness, TestSocket, visitor } from "./test-harness.ts";

const SECRET = "test server secret, long enough to sign tokens";
const IDENTITY_SECRET = "the company's identity verification secret";
const userHash = (id: string) => createHmac("sha256", IDENTITY_SECRET).update(id).digest("hex");

async function hello(url: string, frame: Record<string, unknown>) {
  const socket = await TestSocket.open(`${url}/ws/visitor`);
  socket.send({ type: "hello", v: 1, ...frame });
  const welcome = await socket.next((f) => f.type === "welcome");
  return { socket, welcome, visitorId: Number(String(welcome.token).split(".")[0]) };
}

async function ask(socket: TestSocket, clientId: string, text: string): Promise<Frame> {
  socket.send({ type: "send", clientId, text });
  return socket.next((frame) => frame.type === "ack" && frame.clientId === clientId);
}

describe("visitor tokens and identity verification", () => {
  let server: Harness;
  before(async () => {
    server = await startHarness({ env: { SECRET, IDENTITY_SECRET } });
  });
  after(() => server.close());

  test("a token is signed and expiring; forged, tampered or expired ones start a new visitor", async () => {
    const owner = await visitor(server.url);
    await ask(owner.socket, "own-1", "My address is 12 Elm Street");
    const ownerId = Number(owner.token.split(".")[0]);
    assert.match(owner.token, /^\d+\.\d+\.[\w-]{43}$/);
    const expiresAt = Number(owner.token.split(".")[1]);
    assert.ok(expiresAt > Date.now() + VISITOR_TOKEN_TTL_MS - 60_000);

    const [, expiry, signature] = owner.token.split(".");
    const attempts = [
      `${ownerId + 1}.${expiry}.${signature}`, // someone else's id with this signature
      `${ownerId}.${Number(expiry) + 1}.${signature}`, // a longer life
      issueVisitorToken("a guessed secret that is long enough", ownerId, Date.now()),
      issueVisitorToken(SECRET, ownerId, Date.now() - VISITOR_TOKEN_TTL_MS - 1), // expired
      String(ownerId),
    ];
    for (const token of attempts) {
      const stranger = await hello(server.url, { token });
      assert.notEqual(stranger.visitorId, ownerId, token);
      assert.equal(stranger.welcome.conversation, null);
      assert.deepEqual(stranger.welcome.messages, []);
      stranger.socket.close();
    }
    // The real token still works, and every hello extends it.
    const again = await hello(server.url, { token: owner.token });
    assert.equal(again.visitorId, ownerId);
    assert.equal((again.welcome.messages as unknown[]).length > 0, true);
    owner.socket.close();
    again.socket.close();
  });

  test("a token in the URL is never honoured: tokens travel only inside the hello", async () => {
    const owner = await visitor(server.url);
    await ask(owner.socket, "url-1", "Private question");
    const socket = await TestSocket.open(
      `${server.url}/ws/visitor?token=${encodeURIComponent(owner.token)}`,
    );
    socket.send({ type: "hello", v: 1 });
    const welcome = await socket.next((f) => f.type === "welcome");
    assert.equal(welcome.conversation, null);
    socket.close();
    owner.socket.close();
  });

  test("a verified user id follows the person across devices; a bad signature is not trusted", async () => {
    const user = { id: "customer-42", hash: userHash("customer-42") };
    const laptop = await hello(server.url, { user });
    assert.equal(laptop.welcome.userId, "customer-42");
    await ask(laptop.socket, "id-1", "Where is my order 881?");

    const phone = await hello(server.url, { user: { ...user, hash: user.hash.toUpperCase() } });
    assert.equal(phone.visitorId, laptop.visitorId);
    assert.equal((phone.welcome.messages as { text: string }[])[0]?.text, "Where is my order 881?");

    const forged = await TestSocket.open(`${server.url}/ws/visitor`);
    forged.send({
      type: "hello",
      v: 1,
      user: { id: "customer-42", hash: userHash("customer-43") },
    });
    const welcome = await forged.next((f) => f.type === "welcome");
    const refused = await forged.next((f) => f.type === "error");
    assert.equal(refused.code, "forbidden");
    assert.equal(welcome.userId, undefined);
    assert.deepEqual(welcome.messages, []);

    // The signed-in person's token without the proof (they signed out): a fresh, empty chat.
    const signedOut = await hello(server.url, { token: laptop.welcome.token });
    assert.notEqual(signedOut.visitorId, laptop.visitorId);
    assert.deepEqual(signedOut.welcome.messages, []);
    for (const item of [laptop.socket, phone.socket, forged, signedOut.socket]) item.close();
  });

  test("an anonymous visitor who signs in keeps the conversation they started", async () => {
    const anonymous = await visitor(server.url);
    await ask(anonymous.socket, "before-login", "Do you ship to Norway?");
    const user = { id: "customer-77", hash: userHash("customer-77") };
    const signedIn = await hello(server.url, { token: anonymous.token, user });
    assert.equal(signedIn.visitorId, Number(anonymous.token.split(".")[0]));
    assert.equal(signedIn.welcome.userId, "customer-77");
    anonymous.socket.close();
    signedIn.socket.close();
  });

  test("the name and email beside a verified id are kept only as one plain mailbox", async () => {
    const stored = async (visitorId: number) =>
      (
        await rawRows<{ name: string | null; email: string | null }>(
          server.database,
          sql`select name, email from visitors where id = ${visitorId}`,
        )
      )[0];
    {
      const id = "customer-88";
      const injected = await hello(server.url, {
        user: {
          id,
          hash: userHash(id),
          name: "Mallory\r\nBcc: everyone@example.com",
          email: "mallory@example.com\r\nBcc: everyone@example.com",
        },
      });
      assert.deepEqual(await stored(injected.visitorId), {
        name: "Mallory  Bcc: everyone@example.com",
        email: null,
      });
      const listed = await hello(server.url, {
        user: { id, hash: userHash(id), email: "a@example.com, b@example.com" },
      });
      assert.equal((await stored(listed.visitorId))?.email, null);
      const plain = await hello(server.url, {
        user: { id, hash: userHash(id), email: " ada@example.com " },
      });
      assert.equal((await stored(plain.visitorId))?.email, "ada@example.com");
      for (const item of [injected, listed, plain]) item.socket.close();
    }
  });

  test("without an identity secret configured, user ids are ignored", async () => {
    const plain = await startHarness();
    try {
      const user = { id: "customer-42", hash: userHash("customer-42") };
      const first = await hello(plain.url, { user });
      const second = await hello(plain.url, { user });
      assert.notEqual(first.visitorId, second.visitorId);
      assert.equal(first.welcome.userId, undefined);
      first.socket.close();
      second.socket.close();
    } finally {
      await plain.close();
    }
  });
});
