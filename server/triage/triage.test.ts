import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { MAX_TEXT_LENGTH } from "../../protocol/index.ts";
import {
  type ConversationSoFar,
  DEFAULT_PAUSE_MS,
  type Decision,
  KnowledgeBase,
  personRequested,
  TYPING_FRESH_MS,
  triage,
} from "./index.ts";

const kb = new KnowledgeBase([
  {
    id: 1,
    language: "en",
    title: "Opening hours",
    questions: ["What are your opening hours?", "When are you open?", "What time do you close?"],
  },
  {
    id: 2,
    language: "en",
    title: "Shipping costs",
    questions: ["How much is shipping?", "Is delivery free?", "What does postage cost?"],
  },
  {
    id: 3,
    language: "en",
    title: "Return policy",
    questions: ["What is your refund policy?", "Can I return an item?", "How do returns work?"],
  },
  {
    id: 4,
    language: "pl",
    title: "Godziny otwarcia",
    questions: ["Jakie są godziny otwarcia?", "Kiedy jesteście otwarci?"],
  },
]);
const fresh: ConversationSoFar = { humanInvolved: false };
const LATER = 60_000;

function decide(text: string, conversation = fresh): Decision {
  return triage({ pending: [{ text, at: 0 }], conversation, now: LATER }, kb);
}

function reasonsOf(text: string, conversation = fresh): string[] | string {
  const decision = decide(text, conversation);
  return decision.kind === "handoff" ? decision.reasons.map((r) => r.reason) : decision.kind;
}

function firstReason(text: string): string {
  const decision = decide(text);
  return decision.kind === "handoff" ? (decision.reasons[0]?.reason ?? "none") : decision.kind;
}

function assertReason(reason: string, texts: string[]): void {
  for (const text of texts) assert.equal(firstReason(text), reason, text);
}

function assertNotReason(reason: string, texts: string[]): void {
  for (const text of texts) {
    const reasons = reasonsOf(text);
    assert.ok(!Array.isArray(reasons) || !reasons.includes(reason), `${text}: ${reasons}`);
  }
}

test("answers a question an FAQ entry clearly covers, with its language", () => {
  const decision = decide("What are your opening hours?");
  assert.equal(decision.kind, "answer");
  assert.equal(decision.kind === "answer" && decision.faqId, 1);
  assert.equal(decision.kind === "answer" && decision.language, "en");
  const polish = decide("Jakie są wasze godziny otwarcia?");
  assert.equal(polish.kind === "answer" && polish.faqId, 4);
});

test("a double charge is financial, with the words that show it as evidence", () => {
  const text = "I was charged twice for my order";
  const decision = decide(text);
  assert.equal(decision.kind, "handoff");
  if (decision.kind !== "handoff") return;
  assert.equal(decision.reasons[0]?.reason, "financial");
  const span = decision.reasons[0]?.evidence[0];
  assert.equal(span && text.slice(span.start, span.end), "charged twice");
  assert.ok(decision.priority >= 2);
  assert.equal(decision.language, "en");
  assert.match(decision.summary, /charged twice/);
});

test("a policy question is FAQ; a personal refund is financial and emotional", () => {
  assert.equal(reasonsOf("What is your refund policy?"), "answer");
  assert.deepEqual([...reasonsOf("I want my refund, it has been three weeks")].sort(), [
    "emotional",
    "financial",
  ]);
});

test("a negated request is not a signal", () => {
  assertNotReason("financial", ["I don't want a refund, just the opening hours"]);
  assertNotReason("human_request", [
    "Don't connect me to a human",
    "Nie łącz mnie z konsultantem",
    "Koppla mig inte till en människa",
    "Nesavienojiet mani ar operatoru",
    "אל תעביר אותי לנציג",
    "不要转人工",
  ]);
});

test("asking for a person hands off at once, in all six languages", () => {
  assertReason("human_request", [
    "can I talk to a real person please",
    "Connect me with an agent",
    "human please",
    "I don't want to talk to a bot",
    "Chcę rozmawiać z konsultantem",
    "Poproszę o kontakt z człowiekiem",
    "Kan jag få prata med en människa?",
    "Jag vill prata med kundtjänst",
    "Vēlos runāt ar cilvēku",
    "Lūdzu, savienojiet mani ar operatoru",
    "אני רוצה לדבר עם נציג",
    "אפשר נציג אנושי?",
    "我要人工客服",
    "请帮我转人工",
  ]);
});

test("money at stake for this customer is financial, in all six languages", () => {
  assertReason("financial", [
    "My payment failed but the money left my account",
    "Pobrano mi pieniądze dwa razy za to samo zamówienie",
    "Chcę zwrotu pieniędzy za uszkodzony towar",
    "Ni har dragit pengar två gånger",
    "Man divreiz noņēma naudu par pasūtījumu",
    "חייבו אותי פעמיים על אותה הזמנה",
    "我被扣了两次钱，扣了两次",
    // A problem with a payment, the problem named before or after it.
    "payment issues again",
    "Mam problem z płatnością kartą",
    "Betalningsproblem i kassan",
    "Problēma ar maksājumu",
    "יש לי בעיה בתשלום",
    "付款出错了",
    "I need help with my payment",
    "Hjälp med betalningen tack",
  ]);
  assertNotReason("financial", [
    "Which payment methods do you accept?",
    "Jakie metody płatności akceptujecie?",
    "Is there a fee for cancelling?",
    "Jaka jest polityka zwrotów?",
  ]);
});

test("security, fraud and privacy are sensitive, in all six languages", () => {
  assertReason("sensitive", [
    "Someone logged into my account",
    "Please delete my personal data",
    "Ktoś zalogował się na moje konto",
    "Mitt kort är stulet",
    "Mana karte ir nozagta, tā ir krāpšana",
    "מישהו התחבר לחשבון שלי",
    "我的卡被盗刷了",
  ]);
  assertNotReason("sensitive", ["How do I change my password?", "Do you store my card?"]);
});

test("a problem typed without its accents is caught all the same, with the span as typed", () => {
  assertReason("sensitive", ["ktos sie wlamal na moje konto", "Mitt kort ar stulet"]);
  assertReason("human_request", ["chce rozmawiac z czlowiekiem", "gribu runat ar cilveku"]);
  assertReason("financial", ["nauda tika nonemta divreiz"]);
  const decision = decide("Witam, ktos sie wlamal na moje konto");
  assert.equal(decision.kind, "handoff");
  const span = decision.kind === "handoff" ? decision.reasons[0]?.evidence[0] : undefined;
  assert.equal(span && decision.text.slice(span.start, span.end), "wlamal");
});

test("anger, insults, shouting and threats to leave are emotional, in all six languages", () => {
  assertReason("emotional", [
    "This is unacceptable",
    "WHERE IS MY PARCEL ALREADY",
    "Where is my parcel?!!",
    "You are useless, I will never order here again",
    "To skandal, piszę już po raz trzeci",
    "Jag är så besviken, det här är oacceptabelt",
    "Tas ir nepieņemami, esmu ļoti dusmīgs",
    "זה מקומם, אני כועס מאוד",
    "太差了，我要投诉",
  ]);
  assertNotReason("emotional", ["I'm not angry, just curious about delivery"]);
});

test("something broken is complex, in all six languages", () => {
  assertReason("complex", [
    "The app crashes when I export",
    "I can't log in to my account after the update",
    "Aplikacja nie działa po aktualizacji",
    "Appen fungerar inte efter uppdateringen",
    "Lietotne nestrādā pēc atjaunināšanas",
    "האפליקציה לא עובדת אחרי העדכון",
    "应用打不开，一直闪退",
  ]);
  assertNotReason("complex", ["How do I create an account?"]);
});

test("exceptions and personal arrangements are special requests, in all six languages", () => {
  assertReason("special_request", [
    "Could you deliver to my office on Sunday, it's a gift?",
    "Can you make an exception and extend the return window?",
    "Czy możecie w drodze wyjątku wysłać to dziś?",
    "Kan ni göra ett undantag för mig?",
    "Vai varat izdarīt izņēmumu?",
    "יש לי בקשה מיוחדת לגבי ההזמנה",
    "能不能破例帮我周日送货",
  ]);
});

test("a question the FAQ does not cover goes to a person as unsure", () => {
  assert.deepEqual(reasonsOf("Can you recommend a good lawnmower brand?"), ["unsure"]);
});

test("a language the FAQ does not cover goes to a person with that language recorded", () => {
  const decision = decide("Var ligger er närmaste butik i Göteborg?");
  assert.equal(decision.kind, "handoff");
  assert.equal(decision.kind === "handoff" && decision.language, "sv");
  assert.equal(decision.kind === "handoff" && decision.reasons[0]?.reason, "unsure");
});

test("once a person was involved the engine never answers", () => {
  assert.deepEqual(reasonsOf("What are your opening hours?", { humanInvolved: true }), ["unsure"]);
});

test("after a bot answer: 'that didn't help', 'no' or the same question again hand off", () => {
  const answered: ConversationSoFar = {
    humanInvolved: false,
    lastAnswer: { faqId: 1, question: "What are your opening hours?" },
  };
  for (const text of ["That didn't help", "no", "Nie pomogło", "Det hjälpte inte", "没用"]) {
    assert.deepEqual(reasonsOf(text, answered), ["unsure"], text);
  }
  assert.deepEqual(reasonsOf("When do you open?", answered), ["unsure"]);
  assert.equal(reasonsOf("How much is shipping?", answered), "answer");
  assert.equal(reasonsOf("Thanks!", answered), "settled");
});

test("never interrupts: waits while the customer types or within the pause", () => {
  const pending = [{ text: "What are your opening hours?", at: 1_000 }];
  const soon = triage({ pending, conversation: fresh, now: 1_200 }, kb);
  assert.deepEqual(soon, { kind: "wait", until: 1_000 + DEFAULT_PAUSE_MS });
  const typing = triage({ pending, conversation: fresh, now: 3_000, typingAt: 2_900 }, kb);
  assert.deepEqual(typing, { kind: "wait", until: 2_900 + TYPING_FRESH_MS });
  const done = triage(
    { pending, conversation: fresh, now: 2_900 + TYPING_FRESH_MS, typingAt: 2_900 },
    kb,
  );
  assert.equal(done.kind, "answer");
  const custom = triage({ pending, conversation: fresh, now: 1_200 }, kb, { pauseMs: 100 });
  assert.equal(custom.kind, "answer");
});

test("a handoff signal is acted on at once, even while the customer is typing", () => {
  const pending = [{ text: "I was charged twice", at: 1_000 }];
  const decision = triage({ pending, conversation: fresh, now: 1_001, typingAt: 1_001 }, kb);
  assert.equal(decision.kind, "handoff");
});

test("a burst of short messages is triaged as one, with evidence in the joined text", () => {
  const pending = [
    { text: "hi", at: 0 },
    { text: "what time", at: 500 },
    { text: "do you close?", at: 900 },
  ];
  const decision = triage({ pending, conversation: fresh, now: LATER }, kb);
  assert.equal(decision.kind === "answer" && decision.faqId, 1);
  const upset = triage(
    {
      pending: [
        { text: "hello", at: 0 },
        { text: "this is unacceptable", at: 10 },
      ],
      conversation: fresh,
      now: 20,
    },
    kb,
  );
  assert.equal(upset.kind, "handoff");
  if (upset.kind !== "handoff") return;
  const span = upset.reasons[0]?.evidence[0];
  assert.equal(span && upset.text.slice(span.start, span.end), "unacceptable");
});

test("the knowledge base takes edits in place: add, change, remove", () => {
  const base = new KnowledgeBase([
    { id: 1, language: "en", title: "Opening hours", questions: ["When are you open?"] },
  ]);
  /** The entry the bot would answer with, at the careful threshold of an uncalibrated FAQ. */
  const answers = (text: string, language: string) => {
    const match = base.match(text, language);
    return match && match.confidence >= base.threshold(language) ? match.faqId : 0;
  };
  assert.equal(answers("Do you sell gift cards?", "en"), 0);
  base.upsert({
    id: 2,
    language: "en",
    title: "Gift cards",
    questions: ["Do you sell gift cards?"],
  });
  assert.equal(answers("Do you sell gift cards?", "en"), 2);
  base.upsert({
    id: 2,
    language: "pl",
    title: "Karty podarunkowe",
    questions: ["Czy macie karty podarunkowe?"],
  });
  assert.equal(answers("Do you sell gift cards?", "en"), 0);
  assert.equal(answers("Czy macie karty podarunkowe?", "pl"), 2);
  base.remove(2);
  assert.equal(base.covers("pl"), false);
});

test("the talk-to-a-person button is a human request", () => {
  const decision = personRequested("und");
  assert.equal(decision.kind === "handoff" && decision.reasons[0]?.reason, "human_request");
});

test("no input string makes the engine throw or take more than a few milliseconds", () => {
  fc.assert(
    fc.property(fc.string({ unit: "grapheme", maxLength: MAX_TEXT_LENGTH }), (text) => {
      const start = performance.now();
      const decision = decide(text);
      const elapsed = performance.now() - start;
      assert.ok(["answer", "handoff", "wait", "settled"].includes(decision.kind));
      assert.ok(elapsed < 50, `${elapsed} ms for ${JSON.stringify(text.slice(0, 40))}`);
    }),
    { numRuns: 300 },
  );
});
