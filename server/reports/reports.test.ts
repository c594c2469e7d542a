import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type {
  AgentsReport,
  BotReport,
  PeopleReport,
  SatisfactionReport,
} from "../../protocol/index.ts";
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
} from "../test-harness.ts";

const SECOND = 1000;
const statusIs = (status: string) => (frame: Frame) =>
  frame.type === "conversation" && (frame.conversation as { status: string }).status === status;
const botSaid = (frame: Frame) =>
  frame.type === "message" && (frame.message as { author: string }).author === "bot";

/**
 * Three customers with known timings on the server's clock (UTC, the default time zone):
 * Monday 09:00 one thanks the bot and rates it 5; Monday 10:00 one says the same answer did not
 * help, waits 120 s for the admin's reply, is resolved after 600 s and rates it 2; Tuesday 11:00
 * one was charged twice and nobody answers. Each report must show exactly these figures.
 */
describe("reports computed from conversations held through the real server", () => {
  let server: Harness;
  let admin: string;
  let clock = Date.parse("2026-03-02T08:59:00Z");
  const open: TestSocket[] = [];
  const ids: Record<"thanked" | "notHelped" | "charged", number> = {
    thanked: 0,
    notHelped: 0,
    charged: 0,
  };
  let openingHours = 0;

  async function customerAsks(text: string) {
    const customer = await visitor(server.url);
    open.push(customer.socket);
    await say(customer.socket, "q", text);
    return customer;
  }

  /** Once the message is stored, the customer is quiet long enough for the bot to decide. */
  async function say(socket: TestSocket, clientId: string, text: string) {
    socket.send({ type: "send", clientId, text });
    await socket.next((frame) => frame.type === "ack" && frame.clientId === clientId);
    clock += 2 * SECOND;
  }

  before(async () => {
    server = await startHarness({ now: () => clock });
    admin = sessionCookie(await signIn(server.url, ADMIN.email, ADMIN.password));
    const inbox = await agentSocket(server.url, admin, { away: true });
    open.push(inbox.socket);

    clock = Date.parse("2026-03-02T09:00:00Z");
    const thanked = await customerAsks("What are your opening hours?");
    const answer = await thanked.socket.next(botSaid);
    openingHours = (answer.message as { faq: { id: number } }).faq.id;
    await say(thanked.socket, "t", "Thank you, that helped!");
    const resolved = await thanked.socket.next(statusIs("resolved"));
    ids.thanked = (resolved.conversation as { id: number }).id;
    thanked.socket.send({ type: "rate", conversationId: ids.thanked, score: 5, comment: "Quick" });
    await thanked.socket.next((frame) => frame.type === "conversation");

    clock = Date.parse("2026-03-02T10:00:00Z");
    const notHelped = await customerAsks("When are you open?");
    await notHelped.socket.next(botSaid);
    await say(notHelped.socket, "n", "That didn't help");
    const handoff = await notHelped.socket.next(
      (frame) =>
        frame.type === "message" && (frame.message as { event?: string }).event === "handoff",
    );
    // The handoff is decided as the message arrives, on either side of the clock's step.
    const handedOffAt = (handoff.message as { at: number }).at;
    ids.notHelped = Number(handoff.conversationId);
    clock = handedOffAt + 60 * SECOND;
    inbox.socket.send({ type: "claim", conversationId: ids.notHelped });
    await notHelped.socket.next(statusIs("assigned"));
    clock = handedOffAt + 120 * SECOND;
    inbox.socket.send({ type: "reply", conversationId: ids.notHelped, clientId: "r", text: "Hi" });
    await notHelped.socket.next((frame) => frame.type === "message");
    clock = handedOffAt + 600 * SECOND;
    inbox.socket.send({ type: "resolve", conversationId: ids.notHelped });
    await notHelped.socket.next(statusIs("resolved"));
    notHelped.socket.send({
      type: "rate",
      conversationId: ids.notHelped,
      score: 2,
      comment: "Slow",
    });
    await notHelped.socket.next((frame) => frame.type === "conversation");

    clock = Date.parse("2026-03-03T11:00:00Z");
    const charged = await customerAsks("I was charged twice for my order, I want my money back");
    ids.charged = (
      (await charged.socket.next(statusIs("queued"))).conversation as { id: number }
    ).id;
    // A day later, the thanks the bot got on Monday has stood for more than 24 hours.
    clock = Date.parse("2026-03-04T12:00:00Z");
    // The inbox session idled out meanwhile; the admin signs in again to read the reports.
    admin = sessionCookie(await signIn(server.url, ADMIN.email, ADMIN.password));
  });

  after(async () => {
    for (const socket of open.splice(0)) socket.close();
    await server.close();
  });

  async function report<T>(section: string, query = "from=2026-03-02&to=2026-03-03"): Promise<T> {
    const response = await api(server.url, "GET", `/api/admin/reports/${section}?${query}`, {
      cookie: admin,
    });
    assert.equal(response.status, 200, await response.clone().text());
    return (await response.json()) as T;
  }

  test("bot: one outcome per episode, handoffs by reason, and the answer that did not help", async () => {
    const bot = await report<BotReport>("bot");
    assert.deepEqual(bot.period.buckets, ["2026-03-02", "2026-03-03"]);
    assert.deepEqual(bot.totals, { handled: 3, resolved: 1, handed_off: 2, open: 0 });
    assert.deepEqual(
      bot.series.map((day) => [day.handled, day.resolved, day.handed_off]),
      [
        [2, 1, 1],
        [1, 0, 1],
      ],
    );
    assert.deepEqual(
      bot.byReason.map(({ reason, series }) => [reason, series]),
      [
        ["financial", [0, 1]],
        ["unsure", [1, 0]],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
    const [failing] = bot.failingAnswers;
    assert.equal(failing?.faqId, openingHours);
    assert.equal(failing?.title, "Opening hours");
    assert.equal(failing?.answered, 2);
    assert.equal(failing?.notHelped, 1);
    assert.deepEqual(failing?.conversations, [ids.notHelped]);
    assert.deepEqual(
      bot.byLanguage.map(({ language, handled, handedOff }) => [language, handled, handedOff]),
      [["en", 3, 2]],
    );
  });

  test("people: first reply and resolution from the handoff, the target missed, the heatmap", async () => {
    const people = await report<PeopleReport>("people");
    assert.equal(people.handoffs, 2);
    assert.deepEqual(people.firstReply, { count: 1, median: 120, p90: 120 });
    assert.deepEqual(people.resolution, { count: 1, median: 600, p90: 600 });
    assert.equal(people.targetSeconds, 120);
    // Exactly at the target is not over it; the unanswered charge is.
    assert.deepEqual(people.overTargetConversations, [ids.charged]);
    assert.equal(people.heatmap[0]?.[10], 1, "Monday 10:00");
    assert.equal(people.heatmap[1]?.[11], 1, "Tuesday 11:00");
    const [admin] = people.byAgent;
    assert.equal(admin?.label, "Admin");
    assert.equal(admin?.firstReply.median, 120);
  });

  test("satisfaction: the bot's customers against the people's, with the comments", async () => {
    const csat = await report<SatisfactionReport>("satisfaction");
    assert.deepEqual(csat.bot, {
      ratings: 1,
      average: 5,
      distribution: [0, 0, 0, 0, 1],
      resolved: 1,
      responseRate: 1,
    });
    assert.deepEqual(csat.human, {
      ratings: 1,
      average: 2,
      distribution: [0, 1, 0, 0, 0],
      resolved: 1,
      responseRate: 1,
    });
    assert.deepEqual(
      csat.comments.map(({ conversationId, score, comment, handledBy }) => [
        conversationId,
        score,
        comment,
        handledBy,
      ]),
      [
        [ids.notHelped, 2, "Slow", "human"],
        [ids.thanked, 5, "Quick", "bot"],
      ],
    );
  });

  test("agents: conversations handled, time away, load now", async () => {
    const { agents } = await report<AgentsReport>("agents");
    const [admin] = agents;
    assert.equal(admin?.handled, 1);
    // Away from 08:59 Monday until the report's end (Wednesday 00:00) while the clock ran on.
    assert.equal(admin?.awaySeconds, 39 * 3600 + 60);
    assert.equal(admin?.onlineSeconds, 0);
    assert.equal(admin?.assigned, 0);
  });

  test("the CSV has one row per conversation with its times, reasons, outcome, agent and rating", async () => {
    const response = await api(
      server.url,
      "GET",
      "/api/admin/reports/conversations.csv?from=2026-03-02&to=2026-03-03",
      { cookie: admin },
    );
    assert.equal(response.headers.get("content-type"), "text/csv; charset=utf-8");
    const lines = (await response.text()).trim().split("\n");
    assert.equal(
      lines[0],
      "conversation,started_at,language,bot_answers,bot_outcome,handed_off_at,reasons,first_reply_seconds,resolved_at,resolution_seconds,agent,rating,comment",
    );
    assert.equal(lines.length, 4);
    const row = lines.find((line) => line.startsWith(`${ids.notHelped},`));
    assert.match(row ?? "", /,en,1,handed_off,2026-03-02T10:00:0\d\.000Z,unsure,120,/);
    assert.match(row ?? "", /,600,Admin,2,Slow$/);
  });

  test("a bad period is a clear 400; an agent who is not an admin gets no reports", async () => {
    for (const query of [
      "from=2026-03-03&to=2026-03-02",
      "from=2025-01-01&to=2026-03-02",
      "from=2026-02-30&to=2026-03-02",
      "x=1",
    ]) {
      const response = await api(server.url, "GET", `/api/admin/reports/bot?${query}`, {
        cookie: admin,
      });
      assert.equal(response.status, 400, query);
      assert.ok(((await response.json()) as { error: string }).error.length > 0);
    }
    const unknown = await api(
      server.url,
      "GET",
      "/api/admin/reports/money?from=2026-03-02&to=2026-03-02",
      {
        cookie: admin,
      },
    );
    assert.equal(unknown.status, 404);
    const anonymous = await api(
      server.url,
      "GET",
      "/api/admin/reports/bot?from=2026-03-02&to=2026-03-02",
    );
    assert.equal(anonymous.status, 401);
  });
});
