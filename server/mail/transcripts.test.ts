import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { DEFAULT_WIDGET } from "../../protocol/index.ts";
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
  visitor,
} from "../test-harness.ts";
import { startSmtpInbox } from "../test-smtp.ts";

const isConversation = (status: string) => (frame: Frame) =>
  frame.type === "conversation" && (frame.conversation as { status: string }).status === status;

describe("transcripts by email", () => {
  let server: Harness;
  let smtp: Awaited<ReturnType<typeof startSmtpInbox>>;
  let admin: string;
  before(async () => {
    smtp = await startSmtpInbox();
    server = await startHarness({ env: { SMTP_URL: smtp.url, MAIL_RETRY_MS: "200" } });
    admin = sessionCookie(await signIn(server.url, ADMIN.email, ADMIN.password));
  });
  after(async () => {
    await server.close();
    await smtp.close();
  });

  /** A customer's conversation a person answered, with a note, then resolved. */
  async function resolvedConversation(words: string) {
    const agent = await agentSocket(server.url, admin);
    const customer = await visitor(server.url);
    customer.socket.send({ type: "send", clientId: "c1", text: words });
    const assigned = await agent.socket.next(isConversation("assigned"));
    const conversationId = (assigned.conversation as { id: number }).id;
    agent.socket.send({
      type: "reply",
      conversationId,
      clientId: "a1",
      text: "Przepraszam, zwracamy pieniądze.",
    });
    agent.socket.send({
      type: "note",
      conversationId,
      clientId: "n1",
      text: "Internal: refund #4411",
    });
    await agent.socket.next((f) => f.type === "ack" && f.clientId === "n1");
    agent.socket.send({ type: "resolve", conversationId });
    await customer.socket.next(isConversation("resolved"));
    agent.socket.close();
    return { customer, conversationId };
  }

  test("the customer asks for it in their language: their conversation, without the team's notes", async () => {
    const settings = (await (await fetch(`${server.url}/api/widget/settings`)).json()) as {
      transcripts: boolean;
    };
    assert.equal(settings.transcripts, true, "offered when SMTP is set up");
    const { customer, conversationId } = await resolvedConversation(
      "Pobrano mi opłatę dwa razy za zamówienie",
    );
    customer.socket.send({
      type: "transcript",
      conversationId,
      email: "ola@example.pl",
      lang: "pl",
    });
    const sent = await customer.socket.next((f) => f.type === "transcript_sent");
    assert.deepEqual(sent, { type: "transcript_sent", conversationId, email: "ola@example.pl" });
    await eventually(() => smtp.received.length === 1, "the transcript");
    const [mail] = smtp.received;
    assert.deepEqual(mail?.to, ["ola@example.pl"]);
    assert.match(
      mail?.raw ?? "",
      /Subject: =\?UTF-8\?Q\?Twoja_rozmowa_z_nami\?=|Subject: Twoja rozmowa z nami/,
    );
    assert.match(mail?.raw ?? "", /Ty:\r?\nPobrano mi opłatę dwa razy za zamówienie/);
    assert.match(mail?.raw ?? "", /Przepraszam, zwracamy pieniądze\./);
    assert.doesNotMatch(mail?.raw ?? "", /refund #4411/, "no internal notes");

    // Someone else's conversation is not theirs to send.
    const stranger = await visitor(server.url);
    stranger.socket.send({ type: "transcript", conversationId, email: "x@example.com" });
    const refused = await stranger.socket.next((f) => f.type === "error");
    assert.equal(refused.code, "not_found");
    // Each request is an email to any address: a few an hour from one address.
    for (let n = 0; n < 4; n++) {
      customer.socket.send({ type: "transcript", conversationId, email: "ola@example.pl" });
      await customer.socket.next((f) => f.type === "transcript_sent");
    }
    customer.socket.send({ type: "transcript", conversationId, email: "ola@example.pl" });
    const limited = await customer.socket.next((f) => f.type === "error");
    assert.equal(limited.code, "rate_limited");
    await eventually(() => smtp.received.length === 5, "the five sent");
    customer.socket.close();
    stranger.socket.close();
  });

  test("made automatic, it goes to the address the customer left when a person resolves", async () => {
    await api(server.url, "PUT", "/api/admin/settings/widget", {
      cookie: admin,
      body: { ...DEFAULT_WIDGET, transcripts: "always" },
    });
    const before = smtp.received.length;
    const agent = await agentSocket(server.url, admin);
    const customer = await visitor(server.url);
    customer.socket.send({ type: "email", email: "sam@example.com" });
    await customer.socket.next((f) => f.type === "email_saved");
    customer.socket.send({ type: "send", clientId: "c1", text: "I need a person about my refund" });
    const assigned = await agent.socket.next(isConversation("assigned"));
    const conversationId = (assigned.conversation as { id: number }).id;
    agent.socket.send({ type: "resolve", conversationId });
    await eventually(() => smtp.received.length === before + 1, "the automatic transcript");
    const mail = smtp.received.at(-1);
    assert.deepEqual(mail?.to, ["sam@example.com"]);
    assert.match(mail?.raw ?? "", /Your conversation with us/);
    assert.match(mail?.raw ?? "", /I need a person about my refund/);
    agent.socket.close();
    customer.socket.close();
  });
});
