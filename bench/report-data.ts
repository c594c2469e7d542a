// A year of a busy shop's chat for the reports' benchmark: 100,000 conversations and about a
// million messages with realistic timings (more on weekday afternoons, waits of a minute or
// two, resolutions in a quarter of an hour), written straight into an empty database.
import { sql } from "drizzle-orm";
import { type Db, write } from "../db/database.ts";
import { insertFaqEntries, listFaqEntries } from "../db/index.ts";
import { rawRows, rawRun } from "../db/raw-sql.ts";
import type { HandoffReason } from "../protocol/index.ts";
import { DEMO_FAQ } from "../server/demo/faq.ts";
import { seededRandom } from "./eval/dataset.ts";

const DAY = 86_400_000;
const MINUTE = 60_000;
const AGENTS = [
  "Ana",
  "Ben",
  "Chloé",
  "Dawid",
  "Ewa",
  "Farid",
  "Greta",
  "Hiro",
  "Inês",
  "Jonas",
  "Kai",
  "Lena",
];
const BATCH = 500;
const REASONS: [HandoffReason, number][] = [
  ["financial", 0.3],
  ["complex", 0.2],
  ["emotional", 0.15],
  ["human_request", 0.15],
  ["sensitive", 0.1],
  ["unsure", 0.1],
];

type Tables = Db["t"];
type Row<K extends keyof Tables> = Tables[K]["$inferInsert"];

/**
 * Fills a migrated database that has no conversations yet (it may have an admin and an FAQ);
 * returns how many messages it wrote.
 */
export async function generateYear(
  db: Db,
  options: { conversations: number; end: number; seed?: number },
): Promise<number> {
  const random = seededRandom(options.seed ?? 42);
  const between = (low: number, high: number) => low + random() * (high - low);
  // Log-normal around a median, so most waits are short and a few are long.
  const around = (median: number) => Math.round(median * Math.exp(0.8 * gaussian(random)));
  const start = options.end - 365 * DAY;
  const rows = {
    visitors: [] as Row<"visitors">[],
    conversations: [] as Row<"conversations">[],
    messages: [] as Row<"messages">[],
    conversationEvents: [] as Row<"conversationEvents">[],
    agentPresence: [] as Row<"agentPresence">[],
  };
  let messageCount = 0;
  // In the order of the foreign keys: a message's conversation is written before it.
  const flush = async () => {
    for (const name of Object.keys(rows) as (keyof typeof rows)[]) {
      const pending = rows[name];
      if (pending.length === 0) continue;
      rows[name] = [];
      await write(db, async (tx) => {
        for (let i = 0; i < pending.length; i += BATCH) {
          await tx.q.insert(tx.t[name]).values(pending.slice(i, i + BATCH) as never);
        }
      });
    }
  };

  // Beside whatever the database holds already (a demo server's admin and FAQ).
  const agentIds = await write(db, async (tx) => {
    const team = AGENTS.map((name, i) => ({
      email: `agent${i + 1}@bench.test`,
      name,
      role: "agent" as const,
      passwordHash: "-",
      createdAt: start,
    }));
    return (await tx.q.insert(tx.t.agents).values(team).returning({ id: tx.t.agents.id })).map(
      (row) => row.id,
    );
  });
  let faqIds = (await listFaqEntries(db)).filter((entry) => entry.lang === "en").map((e) => e.id);
  if (faqIds.length === 0) {
    const entries = DEMO_FAQ.en.map((entry) => ({ ...entry, lang: "en", updatedAt: start }));
    await insertFaqEntries(db, entries);
    faqIds = (await listFaqEntries(db)).map((entry) => entry.id);
  }
  const pick = <T>(list: readonly T[], index: number): T => list[index % list.length] as T;
  // Each agent works weekdays 08:00 to 16:00 with half an hour away at noon.
  for (let day = start - (start % DAY); day < options.end; day += DAY) {
    if ([0, 6].includes(new Date(day).getUTCDay())) continue;
    for (const agentId of agentIds) {
      const stretch = (state: "online" | "away", from: number, to: number) =>
        rows.agentPresence.push({ agentId, state, startedAt: day + from, endedAt: day + to });
      stretch("online", 8 * 60 * MINUTE, 12 * 60 * MINUTE);
      stretch("away", 12 * 60 * MINUTE, 12.5 * 60 * MINUTE);
      stretch("online", 12.5 * 60 * MINUTE, 16 * 60 * MINUTE);
    }
  }
  await flush();

  // Each generated customer has one conversation, both numbered after any already there.
  const first = 1 + (await highestId(db));
  for (let id = first; id < first + options.conversations; id++) {
    // Evenly through the year, then pulled towards weekday working hours.
    let at = start + ((id - first) / options.conversations) * 365 * DAY;
    const hour = new Date(at).getUTCHours();
    if (hour < 7 || hour > 20) at += between(8, 12) * 60 * MINUTE * (random() < 0.6 ? 1 : 0);
    at = Math.round(Math.min(at, options.end - DAY));
    rows.visitors.push({ id, createdAt: at });
    let seq = 0;
    const say = (author: "customer" | "bot" | "agent" | "system", when: number, more = {}) => {
      seq++;
      rows.messages.push({ conversationId: id, seq, author, text: "…", createdAt: when, ...more });
    };
    const event = (type: Row<"conversationEvents">["type"], when: number, more = {}) =>
      rows.conversationEvents.push({ conversationId: id, type, actor: "bot", at: when, ...more });
    const language = random() < 0.7 ? "en" : random() < 0.5 ? "pl" : "he";
    event("created", at, { actor: "customer" });
    say("customer", at);
    let time = at + 3_000;
    const conversation: Row<"conversations"> = { id, visitorId: id, createdAt: at, updatedAt: at };
    const faqId = pick(faqIds, Math.floor(random() ** 2 * faqIds.length));
    if (random() < 0.55) {
      say("bot", time, { faqId });
      event("answered", time, { data: { faqId, language } });
      const next = random();
      time += around(40_000);
      if (next < 0.6) {
        say("customer", time);
        event("resolved", time, { data: { faqId } });
        say("system", time, { event: "resolved" });
        Object.assign(conversation, { status: "resolved" });
        if (random() < 0.3) rate(conversation, time + MINUTE, random() < 0.85 ? 5 : 3);
      } else if (next < 0.85) {
        Object.assign(conversation, { status: "bot" });
      } else {
        say("customer", time);
        handoff(["unsure"], faqId);
      }
    } else {
      handoff(pickReasons());
    }
    rows.conversations.push({ ...conversation, lastSeq: seq });
    messageCount += seq;
    if (rows.messages.length >= 20 * BATCH) await flush();

    function handoff(reasons: HandoffReason[], afterFaqId?: number) {
      const data = { reasons, language, ...(afterFaqId ? { afterFaqId } : {}) };
      event("handoff", time, { data });
      say("system", time, { event: "handoff" });
      const agentId = pick(agentIds, Math.floor(random() * agentIds.length));
      const handoffJson = {
        reasons: reasons.map((reason) => ({ reason, score: 1, evidence: [] })),
      };
      Object.assign(conversation, {
        handoff: { ...handoffJson, language, priority: 1, summary: "", text: "…" },
      });
      const picked = time + around(90_000);
      event("assigned", picked, { actor: "system", agentId });
      say("system", picked, { event: "joined", agentId });
      let reply = picked + around(30_000);
      const turns = 3 + Math.floor(random() * 5);
      for (let turn = 0; turn < turns; turn++) {
        say("agent", reply, { agentId, internal: false });
        say("customer", reply + around(60_000));
        reply += around(2 * MINUTE);
      }
      // Everything is resolved but some of the last two days' conversations.
      if (reply < options.end - 2 * DAY || random() < 0.5) {
        event("resolved", reply, { actor: "agent", agentId });
        say("system", reply, { event: "resolved", agentId });
        Object.assign(conversation, { status: "resolved", assigneeId: agentId });
        const waited = picked - time;
        if (random() < 0.4) rate(conversation, reply + MINUTE, waited < 2 * MINUTE ? 5 : 3);
      } else {
        Object.assign(conversation, { status: "assigned", assigneeId: agentId });
      }
      time = reply;
    }
  }
  await flush();
  if (db.engine === "postgres") {
    for (const table of ["visitors", "conversations"]) {
      await rawRun(
        db,
        sql.raw(
          `select setval(pg_get_serial_sequence('${table}', 'id'), (select max(id) from ${table}))`,
        ),
      );
    }
  }
  return messageCount;

  function rate(conversation: Row<"conversations">, when: number, score: number) {
    Object.assign(conversation, { rating: score, ratedAt: when });
    if (random() < 0.2) conversation.ratingComment = score > 3 ? "Thanks!" : "Took a while";
  }

  function pickReasons(): HandoffReason[] {
    let left = random();
    for (const [reason, share] of REASONS) {
      left -= share;
      if (left <= 0) return [reason];
    }
    return ["unsure"];
  }
}

async function highestId(db: Db): Promise<number> {
  const [row] = await rawRows<{ top: unknown }>(
    db,
    sql`select max(id) as "top" from (select id from visitors union all select id from conversations) ids`,
  );
  return Number(row?.top ?? 0);
}

function gaussian(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}
