import assert from "node:assert/strict";
import {
  createDecipheriv,
  createECDH,
  createPublicKey,
  hkdfSync,
  randomBytes,
  verify,
} from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { sql } from "drizzle-orm";
import { rawRows } from "../../db/raw-sql.ts";
import {
  ADMIN,
  agentSocket,
  api,
  eventually,
  type Harness,
  sessionCookie,
  signIn,
  startHarness,
  visitor,
} from "../test-harness.ts";
import { startSmtpInbox } from "../test-smtp.ts";
import type { PushAlert } from "./index.ts";

/**
 * A browser's side of a push subscription: the keys the Push API makes, and the decryption
 * the browser does (RFC 8291, aes128gcm), written here from the RFC rather than taken from
 * the library the server uses.
 */
class Device {
  private readonly ecdh = createECDH("prime256v1");
  readonly auth = randomBytes(16);
  readonly publicKey: Buffer;
  constructor() {
    this.publicKey = this.ecdh.generateKeys();
  }

  subscription(endpoint: string) {
    return {
      endpoint,
      keys: { p256dh: this.publicKey.toString("base64url"), auth: this.auth.toString("base64url") },
    };
  }

  decrypt(body: Buffer): PushAlert {
    const salt = body.subarray(0, 16);
    const idLength = body.readUInt8(20);
    const serverKey = body.subarray(21, 21 + idLength);
    const record = body.subarray(21 + idLength);
    const shared = this.ecdh.computeSecret(serverKey);
    const keyInfo = Buffer.concat([Buffer.from("WebPush: info\0"), this.publicKey, serverKey]);
    const ikm = Buffer.from(hkdfSync("sha256", shared, this.auth, keyInfo, 32));
    const cek = Buffer.from(hkdfSync("sha256", ikm, salt, "Content-Encoding: aes128gcm\0", 16));
    const nonce = Buffer.from(hkdfSync("sha256", ikm, salt, "Content-Encoding: nonce\0", 12));
    const decipher = createDecipheriv("aes-128-gcm", cek, nonce);
    decipher.setAuthTag(record.subarray(record.length - 16));
    const padded = Buffer.concat([
      decipher.update(record.subarray(0, record.length - 16)),
      decipher.final(),
    ]);
    // The last record ends with the delimiter 2 and any zero padding.
    const end = padded.lastIndexOf(2);
    return JSON.parse(padded.subarray(0, end).toString("utf8")) as PushAlert;
  }
}

/** A push service on this machine: keeps what it is sent, answers `status`. */
async function pushService(status = 201) {
  const got: { path: string; headers: IncomingHttpHeaders; body: Buffer }[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      got.push({ path: request.url ?? "", headers: request.headers, body: Buffer.concat(chunks) });
      response.writeHead(status).end();
    });
  });
  server.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    got,
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** The VAPID token (RFC 8292): an ES256 JWT the push service checks against the key sent with it. */
function checkVapid(header: string | undefined, publicKey: string, audience: string) {
  const match = /^vapid t=([\w-]+\.[\w-]+)\.([\w-]+), k=([\w-]+)$/.exec(header ?? "");
  assert.ok(match, `a VAPID authorization header: ${header}`);
  const [, signed = "", signature = "", key = ""] = match;
  assert.equal(key, publicKey, "signed with the server's published key");
  const point = Buffer.from(key, "base64url");
  const jwk = {
    kty: "EC",
    crv: "P-256",
    x: point.subarray(1, 33).toString("base64url"),
    y: point.subarray(33, 65).toString("base64url"),
  };
  const valid = verify(
    "sha256",
    Buffer.from(signed),
    { key: createPublicKey({ key: jwk, format: "jwk" }), dsaEncoding: "ieee-p1363" },
    Buffer.from(signature, "base64url"),
  );
  assert.ok(valid, "the JWT's signature holds");
  const claims = JSON.parse(Buffer.from(signed.split(".")[1] ?? "", "base64url").toString()) as {
    aud: string;
    exp: number;
    sub: string;
  };
  assert.equal(claims.aud, audience);
  assert.ok(claims.exp * 1000 > Date.now());
  assert.equal(claims.sub, `mailto:${ADMIN.email}`);
}

describe("alerts for agents away from the inbox: Web Push and email", () => {
  let server: Harness;
  let smtp: Awaited<ReturnType<typeof startSmtpInbox>>;
  let admin: string;
  let clock = Date.now();
  before(async () => {
    smtp = await startSmtpInbox();
    server = await startHarness({
      env: { SMTP_URL: smtp.url, MAIL_RETRY_MS: "200", ALLOW_PRIVATE_ADDRESSES: "1" },
      now: () => clock,
    });
    admin = sessionCookie(await signIn(server.url, ADMIN.email, ADMIN.password));
  });
  after(async () => {
    await server.close();
    await smtp.close();
  });

  test("a conversation given to an agent reaches their device as a real encrypted push, and their email", async () => {
    const service = await pushService();
    const gone = await pushService(410);
    const phone = new Device();
    const oldLaptop = new Device();
    const settings = (await (
      await api(server.url, "GET", "/api/desk/alerts", { cookie: admin })
    ).json()) as {
      publicKey: string;
      email: boolean;
      emailAvailable: boolean;
    };
    assert.deepEqual([settings.email, settings.emailAvailable], [false, true]);
    for (const [device, endpoint] of [
      [phone, service.url("/push/phone-1")],
      [oldLaptop, gone.url("/push/laptop-1")],
    ] as const) {
      const saved = await api(server.url, "POST", "/api/desk/alerts/devices", {
        cookie: admin,
        body: device.subscription(endpoint),
      });
      assert.equal(saved.status, 204);
    }
    await api(server.url, "PUT", "/api/desk/alerts/email", { cookie: admin, body: { on: true } });

    const agent = await agentSocket(server.url, admin);
    const customer = await visitor(server.url);
    customer.socket.send({
      type: "send",
      clientId: "p1",
      text: "Someone used my card without asking",
    });
    await eventually(() => service.got.length === 1, "the push");
    const [sent] = service.got;
    assert.ok(sent);
    assert.equal(sent.path, "/push/phone-1");
    assert.equal(sent.headers["content-encoding"], "aes128gcm");
    assert.equal(sent.headers.ttl, "3600");
    assert.equal(sent.headers.urgency, "high");
    checkVapid(sent.headers.authorization, settings.publicKey, service.url("").replace(/\/$/, ""));
    const alert = phone.decrypt(sent.body);
    assert.match(alert.title, /^Conversation #\d+ is yours$/);
    assert.match(alert.body, /Someone used my card without asking/);
    assert.match(alert.url, /\/inbox#conversation=\d+$/);

    // The device the push service no longer knows (410) is forgotten.
    await eventually(() => gone.got.length === 1, "the attempt at the old laptop");
    await eventually(() => smtp.received.length === 1, "the email");
    assert.deepEqual(smtp.received[0]?.to, [ADMIN.email]);
    assert.match(smtp.received[0]?.raw ?? "", /Subject: Conversation #\d+ is yours/);
    const devices = await rawRows<{ endpoint: string }>(
      server.database,
      sql`select endpoint from push_subscriptions`,
    );
    assert.deepEqual(
      devices.map((row) => row.endpoint),
      [service.url("/push/phone-1")],
    );
    agent.socket.close();
    customer.socket.close();
    await service.close();
    await gone.close();
  });

  test("a conversation waiting past the target alerts the agents of its skill, once", async () => {
    const service = await pushService();
    const device = new Device();
    await api(server.url, "POST", "/api/desk/alerts/devices", {
      cookie: admin,
      body: device.subscription(service.url("/push/desk")),
    });
    await api(server.url, "PUT", "/api/desk/alerts/email", { cookie: admin, body: { on: false } });
    const routing = (await (
      await api(server.url, "GET", "/api/admin/settings", { cookie: admin })
    ).json()) as {
      routing: Record<string, unknown>;
    };
    await api(server.url, "PUT", "/api/admin/settings/routing", {
      cookie: admin,
      body: { ...routing.routing, waitAlertSeconds: 10 },
    });
    // Nobody is online: the handoff waits in the queue.
    const customer = await visitor(server.url);
    customer.socket.send({ type: "talk_to_person" });
    await customer.socket.next(
      (f) =>
        f.type === "conversation" && (f.conversation as { status: string }).status === "queued",
    );
    clock += 11_000;
    await eventually(() => service.got.length === 1, "the wait alert", 6000);
    const alert = device.decrypt(service.got[0]?.body ?? Buffer.alloc(0));
    assert.match(alert.title, /^Conversation #\d+ has waited 1 min$/);
    await sleep(3000);
    assert.equal(service.got.length, 1, "once per wait");
    customer.socket.close();
    await service.close();
  });
});
