import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import {
  ADMIN,
  agentSocket,
  api,
  type Frame,
  type Harness,
  sessionCookie,
  signIn,
  startHarness,
  TestSocket,
  visitor,
} from "./test-harness.ts";

const summaryOf = (frame: Frame) =>
  frame.conversation as { id: number; status: string; customerMessages: number; visitorId: number };

describe("the agent's tools: reads, typing, search, suggestions, try-it, invitations, settings", () => {
  let server: Harness;
  let admin: string;
  before(async () => {
    server = await startHarness();
    admin = sessionCookie(await signIn(server.url, ADMIN.email, ADMIN.password));
    // Room for every conversation these tests hand to the admin.
    const me = await (await api(server.url, "GET", "/api/agent/me", { cookie: admin })).json();
    await api(
      server.url,
      "PATCH",
      `/api/admin/agents/${(me as { agent: { id: number } }).agent.id}`,
      {
        cookie: admin,
        body: { capacity: 20 },
      },
    );
  });
  after(() => server.close());

  /** A customer handed to the admin, who is online and gets it assigned. */
  async function assignedConversation(text: string) {
    const agent = await agentSocket(server.url, admin);
    const customer = await visitor(server.url);
    customer.socket.send({ type: "send", clientId: "first", text });
    const assigned = await agent.socket.next(
      (f) => f.type === "conversation" && summaryOf(f).status === "assigned",
    );
    return { agent: agent.socket, customer, conversation: summaryOf(assigned) };
  }

  test("the customer sees when a person read their messages; unread counts survive a reload", async () => {
    const { agent, customer, conversation } = await assignedConversation(
      "I want to talk to a person about my order",
    );
    customer.socket.send({ type: "send", clientId: "second", text: "It is order 1234" });
    const update = await agent.next(
      (f) => f.type === "conversation" && summaryOf(f).customerMessages === 2,
    );
    assert.equal(summaryOf(update).id, conversation.id);

    const reloaded = await agentSocket(server.url, admin);
    const read = reloaded.inbox.read as Record<string, number>;
    assert.equal(read[conversation.id] ?? 0, 0, "nothing read yet");
    agent.send({ type: "open", conversationId: conversation.id });
    const transcript = await agent.next((f) => f.type === "transcript");
    const lastSeq = Math.max(...(transcript.messages as { seq: number }[]).map((m) => m.seq));
    agent.send({ type: "read", conversationId: conversation.id, seq: lastSeq });
    const receipt = await customer.socket.next((f) => f.type === "read");
    assert.equal(receipt.seq, lastSeq);

    const later = await agentSocket(server.url, admin);
    assert.equal((later.inbox.read as Record<string, number>)[conversation.id], 2);
    const back = await visitor(server.url, customer.token);
    assert.equal((back.welcome.conversation as { readSeq?: number }).readSeq, lastSeq);
    for (const socket of [agent, reloaded.socket, later.socket, customer.socket, back.socket]) {
      socket.close();
    }
  });

  test("typing shows both ways once a person has the conversation", async () => {
    const { agent, customer, conversation } = await assignedConversation("Can I speak to someone?");
    agent.send({ type: "open", conversationId: conversation.id });
    await agent.next((f) => f.type === "transcript");
    customer.socket.send({ type: "typing" });
    const typing = await agent.next((f) => f.type === "typing");
    assert.equal(typing.conversationId, conversation.id);
    agent.send({ type: "typing", conversationId: conversation.id });
    assert.ok(await customer.socket.next((f) => f.type === "typing"));
    agent.close();
    customer.socket.close();
  });

  test("search finds messages in any script, notes included", async () => {
    const { agent, customer, conversation } = await assignedConversation(
      "我想和人工客服谈谈我的订单退款",
    );
    agent.send({
      type: "note",
      conversationId: conversation.id,
      clientId: "n1",
      text: "VIP customer, handle with care",
    });
    await agent.next((f) => f.type === "ack" && f.clientId === "n1");
    const search = async (q: string) => {
      const response = await api(server.url, "GET", `/api/desk/search?q=${encodeURIComponent(q)}`, {
        cookie: admin,
      });
      return (await response.json()) as {
        hits: { conversationId: number; internal: boolean; snippet: string }[];
      };
    };
    const chinese = await search("订单退款");
    assert.equal(chinese.hits[0]?.conversationId, conversation.id);
    assert.match(chinese.hits[0]?.snippet ?? "", /订单退款/);
    const note = await search("handle with care");
    assert.deepEqual(
      [note.hits[0]?.conversationId, note.hits[0]?.internal],
      [conversation.id, true],
    );
    agent.send({
      type: "note",
      conversationId: conversation.id,
      clientId: "n2",
      text: "Rozmawiałam z klientką przez telefon o zamówieniu 4412: pisze, że płatność kartą nie przeszła dwa razy; w panelu operatora płatności widać tylko jedną próbę",
    });
    await agent.next((f) => f.type === "ack" && f.clientId === "n2");
    for (const typed of ["platnosc karta", "PŁATNOŚĆ KARTĄ", "Płatność kartą"]) {
      const found = await search(typed);
      assert.equal(found.hits[0]?.conversationId, conversation.id, typed);
      // About 80 characters around the match, the match marked as the message wrote it.
      const snippet = found.hits[0]?.snippet ?? "";
      assert.match(snippet, /^….*że \u{E000}płatność kartą\u{E001} nie przeszła.*…$/u, typed);
      assert.ok(snippet.length <= 100, snippet);
    }
    const short = await api(server.url, "GET", "/api/desk/search?q=ab", { cookie: admin });
    assert.equal(short.status, 400);
    agent.close();
    customer.socket.close();
  });

  test("suggested replies are the FAQ answers closest to the customer's last message", async () => {
    const { agent, customer, conversation } = await assignedConversation(
      "I want to talk to a person: how long does delivery take to Poland?",
    );
    const response = await api(
      server.url,
      "GET",
      `/api/desk/conversations/${conversation.id}/suggestions`,
      { cookie: admin },
    );
    const { suggestions } = (await response.json()) as {
      suggestions: { title: string; answer: string }[];
    };
    assert.ok(suggestions.length > 0);
    assert.match(suggestions[0]?.title ?? "", /deliver|shipping/i);
    agent.close();
    customer.socket.close();
  });

  test("try-it shows what the bot would do: an answer with confidence, or a handoff with evidence", async () => {
    const attempt = async (text: string) => {
      const response = await api(server.url, "POST", "/api/admin/faq/try", {
        cookie: admin,
        body: { text },
      });
      return ((await response.json()) as { decision: Record<string, unknown> }).decision;
    };
    const answer = await attempt("What are your opening hours?");
    assert.equal(answer.kind, "answer");
    assert.ok(Number(answer.confidence) > 0);
    assert.match(String((answer.faq as { answer: string }).answer), /Monday/);
    const handoff = await attempt("I was charged twice!");
    assert.equal(handoff.kind, "handoff");
    const [reason] = handoff.reasons as { reason: string; evidence: { start: number }[] }[];
    assert.equal(reason?.reason, "financial");
    assert.ok((reason?.evidence.length ?? 0) > 0);
  });

  test("the calibration report follows every FAQ edit, per language, and a second save changes nothing", async () => {
    type Report = {
      trainedAt: number;
      pending: boolean;
      languages: { language: string; threshold: number; examples: number }[];
    };
    const report = async () =>
      (await (
        await api(server.url, "GET", "/api/admin/faq/calibration", { cookie: admin })
      ).json()) as Report;
    const settled = async (after: number) => {
      for (let i = 0; i < 50; i++) {
        const current = await report();
        if (!current.pending && current.trainedAt > after) return current;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error("the report was not redone after the edit");
    };
    const before = await report();
    assert.deepEqual(before.languages.map((l) => l.language).sort(), [
      "en",
      "he",
      "lv",
      "pl",
      "sv",
      "zh",
    ]);
    const entry = {
      lang: "de",
      title: "Öffnungszeiten",
      answer: "Montag bis Freitag 9 bis 19 Uhr.",
      questions: [
        "Wann habt ihr geöffnet?",
        "Wie sind die Öffnungszeiten?",
        "Habt ihr am Samstag offen?",
        "Bis wann seid ihr heute da?",
        "Ab wann kann ich vorbeikommen?",
        "Seid ihr sonntags geschlossen?",
      ],
    };
    const created = await api(server.url, "POST", "/api/admin/faq", { cookie: admin, body: entry });
    const { entry: saved } = (await created.json()) as { entry: { id: number } };
    const first = await settled(before.trainedAt);
    const german = first.languages.find((l) => l.language === "de");
    assert.equal(german?.examples, entry.questions.length + 1);
    for (let i = 0; i < 2; i++) {
      const again = await api(server.url, "PUT", `/api/admin/faq/${saved.id}`, {
        cookie: admin,
        body: entry,
      });
      assert.equal(again.status, 200);
    }
    const second = await settled(first.trainedAt);
    assert.deepEqual(second.languages, first.languages);
  });

  test("an invited agent chooses a password through the one-time link, which then expires", async () => {
    const created = await api(server.url, "POST", "/api/admin/agents", {
      cookie: admin,
      body: { email: "nova@example.com", name: "Nova", role: "agent", skills: ["billing"] },
    });
    const { inviteUrl } = (await created.json()) as { inviteUrl: string };
    const token = new URL(inviteUrl).hash.replace("#password=", "");
    const who = await api(server.url, "GET", `/api/agent/password-link?token=${token}`);
    assert.equal(((await who.json()) as { name: string }).name, "Nova");
    assert.equal((await signIn(server.url, "nova@example.com", "invited")).status, 401);
    const set = await api(server.url, "POST", "/api/agent/password-link", {
      body: { token, password: "nova's own password" },
    });
    assert.equal(set.status, 204);
    assert.equal((await signIn(server.url, "nova@example.com", "nova's own password")).status, 200);
    const reused = await api(server.url, "POST", "/api/agent/password-link", {
      body: { token, password: "someone else's try" },
    });
    assert.equal(reused.status, 410);
  });

  test("widget settings apply at once: an allowed origin may open the chat", async () => {
    const origin = "https://shop.example";
    await assert.rejects(TestSocket.open(`${server.url}/ws/visitor`, { origin }), /403/);
    const current = (await (
      await api(server.url, "GET", "/api/admin/settings", { cookie: admin })
    ).json()) as {
      widget: Record<string, unknown>;
    };
    const saved = await api(server.url, "PUT", "/api/admin/settings/widget", {
      cookie: admin,
      body: { ...current.widget, greetings: { sv: "Hej!" }, allowedOrigins: [origin] },
    });
    assert.equal(saved.status, 200);
    const socket = await TestSocket.open(`${server.url}/ws/visitor`, { origin });
    socket.close();
    const publicSettings = await (await fetch(`${server.url}/api/widget/settings?lang=sv`)).json();
    assert.equal((publicSettings as { greeting: string }).greeting, "Hej!");
    const bad = await api(server.url, "PUT", "/api/admin/settings/widget", {
      cookie: admin,
      body: { ...current.widget, color: "red" },
    });
    assert.equal(bad.status, 400);
    assert.match(((await bad.json()) as { error: string }).error, /color/);
  });

  test("a save answers with what is stored; a profile saved with nothing changed writes nothing", async () => {
    const current = (await (
      await api(server.url, "GET", "/api/admin/settings", { cookie: admin })
    ).json()) as { routing: Record<string, unknown> };
    const routing = { ...current.routing, waitAlertSeconds: 300 };
    const saved = await api(server.url, "PUT", "/api/admin/settings/routing", {
      cookie: admin,
      body: routing,
    });
    assert.deepEqual(await saved.json(), { routing });

    const me = (await (
      await api(server.url, "GET", "/api/agent/me", { cookie: admin })
    ).json()) as {
      agent: { id: number; name: string };
    };
    const unchanged = await api(server.url, "PATCH", `/api/admin/agents/${me.agent.id}`, {
      cookie: admin,
      body: {},
    });
    assert.equal(unchanged.status, 200);
    assert.equal(
      ((await unchanged.json()) as { agent: { name: string } }).agent.name,
      me.agent.name,
    );
  });
});
