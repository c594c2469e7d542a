import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { saveSettings } from "../db/index.ts";
import { openTestDatabase } from "../db/test-database.ts";
import type { PublicWidgetSettings, WidgetSettings } from "../protocol/index.ts";
import { loadSettings } from "./settings-store.ts";
import {
  ADMIN,
  api,
  type Harness,
  sessionCookie,
  signIn,
  startHarness,
  visitor,
} from "./test-harness.ts";
import { chooseLanguage, writtenIn } from "./widget-language.ts";

const ALL = ["en", "he", "lv", "pl", "sv", "zh"];

test("the page's wish first, then the browser's languages in order, then the page's language", () => {
  assert.equal(chooseLanguage({ asked: "pl", browser: ["he-IL", "en"], page: "en" }, ALL), "pl");
  assert.equal(chooseLanguage({ asked: "", browser: ["he-IL", "en"], page: "en" }, ALL), "he");
  assert.equal(chooseLanguage({ browser: ["de-DE", "sv-SE"], page: "en" }, ALL), "sv");
  assert.equal(chooseLanguage({ browser: ["de-DE"], page: "lv" }, ALL), "lv");
  assert.equal(chooseLanguage({ asked: "zh-Hans-CN", browser: [] }, ALL), "zh");
  assert.equal(chooseLanguage({ asked: "DE", browser: ["he_IL"] }, ALL), "he");
  // Only what the company offers; its main language when nothing fits.
  assert.equal(chooseLanguage({ asked: "he", browser: ["he"], page: "he" }, ["pl", "en"]), "pl");
});

test("a switch is offered only for a message clearly written in an offered language", () => {
  assert.equal(writtenIn("Dzień dobry, gdzie jest moja paczka z zamówienia?", ALL), "pl");
  assert.equal(writtenIn("שלום, איפה החבילה שלי? הזמנתי לפני שבוע", ALL), "he");
  assert.equal(writtenIn("ok thanks", ALL), undefined, "too short to tell");
  assert.equal(writtenIn("Guten Tag, wo ist mein Paket geblieben?", ALL), undefined, "not offered");
  assert.equal(writtenIn("Dzień dobry, gdzie jest moja paczka z zamówienia?", ["en"]), undefined);
});

test("settings saved with one greeting for everyone (and before transcripts) keep it as the English one and keep the rest", async () => {
  const db = await openTestDatabase();
  const legacy = {
    greeting: "Welcome to Linden & Co.!",
    color: "#123456",
    position: "left",
    hours: { timeZone: "Europe/Riga", days: [] },
    allowedOrigins: ["https://shop.example"],
  };
  await saveSettings(db, "widget", legacy, { agentId: null }, 1);
  const widget = (await loadSettings(db)).widget();
  assert.deepEqual(widget, {
    languages: [],
    greetings: { en: "Welcome to Linden & Co.!" },
    color: "#123456",
    position: "left",
    hours: { timeZone: "Europe/Riga", days: [] },
    allowedOrigins: ["https://shop.example"],
    // Added since: its default, with the rest kept.
    transcripts: "on_request",
  });
});

describe("the widget's language and greeting, served by the real server", () => {
  let server: Harness;
  let admin: string;
  before(async () => {
    server = await startHarness();
    admin = sessionCookie(await signIn(server.url, ADMIN.email, ADMIN.password));
  });
  after(() => server.close());

  const settingsFor = async (query: string, acceptLanguage?: string) => {
    const response = await fetch(`${server.url}/api/widget/settings${query}`, {
      headers: acceptLanguage ? { "accept-language": acceptLanguage } : {},
    });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get("vary"), "Accept-Language");
    return (await response.json()) as PublicWidgetSettings;
  };
  const saveWidget = async (change: Partial<WidgetSettings>) => {
    const current = (await (
      await api(server.url, "GET", "/api/admin/settings", { cookie: admin })
    ).json()) as { widget: WidgetSettings };
    return api(server.url, "PUT", "/api/admin/settings/widget", {
      cookie: admin,
      body: { ...current.widget, ...change },
    });
  };

  test("a Hebrew browser on an English page gets Hebrew, right to left, unless the page asks otherwise", async () => {
    const hebrew = await settingsFor("?page=en", "he-IL,he;q=0.9,en-US;q=0.8,en;q=0.7");
    assert.equal(hebrew.lang, "he");
    assert.equal(hebrew.texts.dir, "rtl");
    assert.equal(hebrew.greeting, undefined, "the widget's own Hebrew greeting");
    assert.deepEqual(hebrew.offered, ALL);
    assert.equal((await settingsFor("?lang=pl&page=en", "he-IL,he")).lang, "pl");
    assert.equal((await settingsFor("?page=lv", "de-DE")).lang, "lv");
    assert.equal((await settingsFor("", "en;q=0.5, sv;q=0.9")).lang, "sv");
  });

  test("greetings per language, and only the languages the admin offers", async () => {
    const saved = await saveWidget({
      languages: ["en", "pl"],
      greetings: { pl: "Cześć! W czym możemy pomóc?", en: "  " },
    });
    assert.equal(saved.status, 200);
    const stored = ((await saved.json()) as { widget: WidgetSettings }).widget;
    assert.deepEqual(stored.greetings, { pl: "Cześć! W czym możemy pomóc?" }, "blank is none");

    const polish = await settingsFor("", "pl-PL");
    assert.equal(polish.greeting, "Cześć! W czym możemy pomóc?");
    assert.deepEqual(polish.offered, ["en", "pl"]);
    const english = await settingsFor("", "en-GB");
    assert.equal(english.greeting, undefined);
    // Hebrew is not offered any more: the page's language, else the main one.
    assert.equal((await settingsFor("?page=pl", "he-IL")).lang, "pl");
    assert.equal((await settingsFor("", "he-IL")).lang, "en");

    const unknown = await saveWidget({ languages: ["en", "de"] });
    assert.equal(unknown.status, 400);
    assert.match(((await unknown.json()) as { error: string }).error, /no texts in "de"/);
    await saveWidget({ languages: [], greetings: {} });
  });

  test("the customer's ack names the offered language a message is clearly written in", async () => {
    const { socket } = await visitor(server.url);
    socket.send({
      type: "send",
      clientId: "pl-1",
      text: "Dzień dobry, chciałabym zmienić adres dostawy zamówienia",
    });
    const ack = await socket.next((frame) => frame.type === "ack");
    assert.equal(ack.language, "pl");
    socket.send({ type: "send", clientId: "en-1", text: "ok" });
    const short = await socket.next((frame) => frame.type === "ack");
    assert.equal(short.language, undefined);
    socket.close();
  });
});
