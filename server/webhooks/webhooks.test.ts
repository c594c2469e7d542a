import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { Webhook } from "standardwebhooks";
import { freePort } from "../../local-services/free-port.ts";
import { readConfig } from "../config.ts";
import { type RunningServer, startServer } from "../server.ts";
import {
  ADMIN,
  agentSocket,
  api,
  eventually,
  sessionCookie,
  signIn,
  visitor,
} from "../test-harness.ts";
import { testServices } from "../test-services.ts";

interface Received {
  id: string;
  type: string;
  data: Record<string, unknown>;
}

/**
 * A company's receiver on this machine: checks every signature with the Standard Webhooks
 * library (not our code), keeps what it got, and answers with `status`.
 */
class Receiver {
  readonly got: Received[] = [];
  readonly forged: string[] = [];
  status = 200;
  private server: Server | undefined;
  constructor(
    private readonly secret: () => string,
    readonly port: number,
  ) {}

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      let body = "";
      request.on("data", (chunk) => {
        body += chunk;
      });
      request.on("end", () => {
        const headers = {
          "webhook-id": String(request.headers["webhook-id"]),
          "webhook-timestamp": String(request.headers["webhook-timestamp"]),
          "webhook-signature": String(request.headers["webhook-signature"]),
        };
        try {
          const event = new Webhook(this.secret()).verify(body, headers) as Received;
          assert.equal(event.id, headers["webhook-id"]);
          if (this.status < 300) this.got.push(event);
        } catch (error) {
          this.forged.push(String(error));
        }
        response.writeHead(this.status).end();
      });
    });
    this.server.listen(this.port, "127.0.0.1");
    await new Promise((resolve) => this.server?.once("listening", resolve));
  }

  async stop(): Promise<void> {
    await new Promise((resolve) => this.server?.close(resolve));
  }

  types(): string[] {
    return this.got.map((event) => event.type);
  }
}

describe("webhooks: signed, retried while the receiver is down, never twice", () => {
  let dataDir: string;
  let env: Record<string, string>;
  let server: RunningServer;
  let admin: string;
  const boot = async () => {
    server = await startServer(readConfig(env));
    admin = sessionCookie(await signIn(server.url, ADMIN.email, ADMIN.password));
  };
  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "hfc-webhooks-"));
    env = {
      PORT: "0",
      DATA_DIR: dataDir,
      ...(await testServices()),
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      BOT_PAUSE_MS: "100",
      WEBHOOK_RETRY_MS: "200",
      ALLOW_PRIVATE_ADDRESSES: "1",
    };
    await boot();
  });
  after(async () => {
    await server.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  test("a handoff reaches the company's receiver once it is up, each event once, even across a restart", async () => {
    let secret = "";
    const receiver = new Receiver(() => secret, await freePort());
    const created = await api(server.url, "POST", "/api/admin/webhooks", {
      cookie: admin,
      body: {
        url: `http://127.0.0.1:${receiver.port}/hooks/chat`,
        description: "CRM",
        events: [
          "conversation.created",
          "conversation.handed_off",
          "conversation.assigned",
          "message.created",
          "conversation.resolved",
          "conversation.rated",
        ],
      },
    });
    assert.equal(created.status, 201);
    const { endpoint } = (await created.json()) as { endpoint: { id: number; secret: string } };
    secret = endpoint.secret;
    assert.match(secret, /^whsec_[A-Za-z0-9+/]{32}$/);

    // The receiver is down: the customer's handoff waits in the outbox and is retried.
    const agent = await agentSocket(server.url, admin);
    const customer = await visitor(server.url);
    customer.socket.send({
      type: "send",
      clientId: "w1",
      text: "I was charged twice, please help",
    });
    await agent.socket.next(
      (f) =>
        f.type === "conversation" && (f.conversation as { status: string }).status === "assigned",
    );
    const log = async () => {
      const response = await api(server.url, "GET", "/api/admin/webhook-deliveries", {
        cookie: admin,
      });
      return (
        (await response.json()) as {
          deliveries: {
            attempts: number;
            lastError?: string;
            deliveredAt?: number;
            type: string;
          }[];
        }
      ).deliveries;
    };
    await eventually(async () => (await log()).some((d) => d.attempts >= 2), "a second attempt");
    const failing = (await log()).find((d) => d.attempts >= 2);
    assert.match(failing?.lastError ?? "", /ECONNREFUSED/);

    await receiver.start();
    await eventually(
      async () => (await log()).every((d) => d.deliveredAt !== undefined),
      "all delivered",
    );
    assert.deepEqual(receiver.forged, []);
    assert.deepEqual([...new Set(receiver.types())].sort(), [
      "conversation.assigned",
      "conversation.created",
      "conversation.handed_off",
      "message.created",
    ]);
    const handoff = receiver.got.find((event) => event.type === "conversation.handed_off");
    assert.deepEqual(handoff?.data.reasons, ["financial"]);
    assert.equal(handoff?.data.skill, "billing");
    const message = receiver.got.find((event) => event.type === "message.created");
    assert.ok(message);
    assert.equal(
      (message.data.message as { text: string }).text,
      "I was charged twice, please help",
    );

    // A restart sends nothing again: what was delivered stays delivered.
    const before = receiver.got.length;
    agent.socket.close();
    customer.socket.close();
    await server.close();
    await boot();
    await sleep(1500);
    assert.equal(receiver.got.length, before, "nothing delivered twice after the restart");
    assert.equal(new Set(receiver.got.map((event) => event.id)).size, before, "each event once");

    // Resolving and the customer's rating follow.
    const agentAgain = await agentSocket(server.url, admin);
    const conversationId = message.data.conversationId as number;
    agentAgain.socket.send({ type: "resolve", conversationId });
    await eventually(() => receiver.types().includes("conversation.resolved"), "resolved");
    const back = await visitor(server.url, customer.token);
    back.socket.send({ type: "rate", conversationId, score: 5, comment: "Quick, thanks" });
    await eventually(() => receiver.types().includes("conversation.rated"), "rated");
    const rated = receiver.got.find((event) => event.type === "conversation.rated");
    assert.deepEqual(rated?.data.rating, { score: 5, comment: "Quick, thanks" });
    agentAgain.socket.close();
    back.socket.close();
    await receiver.stop();
  });

  test("a receiver that answers 500 is retried and logged; a paused endpoint gets nothing", async () => {
    const receiver = new Receiver(() => endpoint.secret, await freePort());
    receiver.status = 500;
    await receiver.start();
    const response = await api(server.url, "POST", "/api/admin/webhooks", {
      cookie: admin,
      body: { url: `http://127.0.0.1:${receiver.port}/`, events: ["conversation.created"] },
    });
    const { endpoint } = (await response.json()) as { endpoint: { id: number; secret: string } };
    const customer = await visitor(server.url);
    customer.socket.send({ type: "send", clientId: "x", text: "What are your opening hours?" });
    const log = async () => {
      const page = await api(
        server.url,
        "GET",
        `/api/admin/webhook-deliveries?endpoint=${endpoint.id}`,
        { cookie: admin },
      );
      return (
        (await page.json()) as {
          deliveries: {
            id: number;
            attempts: number;
            lastStatus?: number;
            nextAttemptAt?: number;
          }[];
        }
      ).deliveries;
    };
    await eventually(async () => ((await log())[0]?.attempts ?? 0) >= 3, "three attempts");
    const [delivery] = await log();
    assert.equal(delivery?.lastStatus, 500);
    assert.ok(delivery?.nextAttemptAt, "tried again later");

    // Paused, nothing is sent, even a delivery the admin made due again; resumed, it goes.
    const endpointAt = (active: boolean) =>
      api(server.url, "PUT", `/api/admin/webhooks/${endpoint.id}`, {
        cookie: admin,
        body: {
          url: `http://127.0.0.1:${receiver.port}/`,
          events: ["conversation.created"],
          active,
        },
      });
    await endpointAt(false);
    await sleep(300);
    const paused = (await log())[0]?.attempts ?? 0;
    const retried = await api(
      server.url,
      "POST",
      `/api/admin/webhook-deliveries/${delivery?.id}/retry`,
      { cookie: admin },
    );
    assert.equal(retried.status, 204);
    await sleep(1000);
    assert.equal((await log())[0]?.attempts, paused, "a paused endpoint gets no attempts");
    receiver.status = 200;
    await endpointAt(true);
    await eventually(() => receiver.got.length === 1, "the retried delivery");
    customer.socket.close();
    await receiver.stop();
  });

  test("without ALLOW_PRIVATE_ADDRESSES, an address inside the server's networks is refused", async () => {
    await server.close();
    env = { ...env, ALLOW_PRIVATE_ADDRESSES: "" };
    await boot();
    const response = await api(server.url, "POST", "/api/admin/webhooks", {
      cookie: admin,
      body: { url: "http://localhost:9/metadata", events: ["conversation.created"] },
    });
    const { endpoint } = (await response.json()) as { endpoint: { id: number } };
    const customer = await visitor(server.url);
    customer.socket.send({ type: "send", clientId: "p", text: "Hello there" });
    await eventually(async () => {
      const page = await api(
        server.url,
        "GET",
        `/api/admin/webhook-deliveries?endpoint=${endpoint.id}`,
        { cookie: admin },
      );
      const [first] = ((await page.json()) as { deliveries: { lastError?: string }[] }).deliveries;
      return /private address; set ALLOW_PRIVATE_ADDRESSES=1/.test(first?.lastError ?? "");
    }, "the refusal in the log");
    customer.socket.close();
  });
});
