import { type SQL, sql } from "drizzle-orm";
import type { Db } from "./database.ts";
import { rawRows } from "./raw-sql.ts";

// The rows the reports are computed from, read from the conversation events (and the first
// human reply from the messages): nothing is counted ahead. A period is [from, to) in ms.
// PostgreSQL returns bigint and count() as strings, so every number goes through Number().

export interface Period {
  from: number;
  to: number;
}

/** One conversation that started in the period, as its events tell its time with the bot. */
export interface BotEpisodeRow {
  conversationId: number;
  createdAt: number;
  answers: number;
  /** The first handoff, and what it said (`{ reasons, language, afterFaqId? }`, JSON). */
  handoffAt: number | null;
  handoff: string | null;
  /** When the bot first resolved it (the customer thanked it), and when they came back to it. */
  botResolvedAt: number | null;
  backAt: number | null;
  /** The language of the bot's answers. */
  language: string | null;
}

export async function botEpisodes(db: Db, period: Period): Promise<BotEpisodeRow[]> {
  const rows = await rawRows<Record<keyof BotEpisodeRow, unknown>>(
    db,
    sql`select e.conversation_id as "conversationId",
      min(case when e.type = 'created' then e.at end) as "createdAt",
      count(case when e.type = 'answered' then 1 end) as "answers",
      min(case when e.type = 'handoff' then e.at end) as "handoffAt",
      max(case when e.type = 'handoff' then ${asText(db, sql`e.data`)} end) as "handoff",
      min(case when e.type = 'resolved' and e.actor = 'bot' then e.at end) as "botResolvedAt",
      min(case when e.type = 'reopened' and ${field(db, "e", "to")} = 'bot' then e.at end) as "backAt",
      max(case when e.type = 'answered' then ${field(db, "e", "language")} end) as "language"
    from conversation_events e
    where e.conversation_id in (
      select s.conversation_id from conversation_events s
      where s.type = 'created' and s.at >= ${period.from} and s.at < ${period.to})
    group by e.conversation_id`,
  );
  return rows.map((row) => ({
    conversationId: Number(row.conversationId),
    createdAt: Number(row.createdAt),
    answers: Number(row.answers),
    handoffAt: numberOrNull(row.handoffAt),
    handoff: textOf(row.handoff),
    botResolvedAt: numberOrNull(row.botResolvedAt),
    backAt: numberOrNull(row.backAt),
    language: textOf(row.language),
  }));
}

/** How often each FAQ entry answered in the period, and how often a person was needed after. */
export interface AnswerRow {
  faqId: number;
  answered: number;
  notHelped: number;
  marked: number;
  /** Conversations that show the failures, newest first. */
  conversations: number[];
}

export async function answerOutcomes(db: Db, period: Period, linked: number): Promise<AnswerRow[]> {
  const inPeriod = sql`e.at >= ${period.from} and e.at < ${period.to}`;
  const [answered, failures, marks] = await Promise.all([
    rawRows<{ faqId: unknown; n: unknown }>(
      db,
      sql`select ${field(db, "e", "faqId")} as "faqId", count(*) as "n"
        from conversation_events e where e.type = 'answered' and ${inPeriod} group by 1`,
    ),
    rawRows<{ faqId: unknown; conversationId: unknown }>(
      db,
      sql`select ${field(db, "e", "afterFaqId")} as "faqId", e.conversation_id as "conversationId"
        from conversation_events e
        where e.type = 'handoff' and ${inPeriod} and ${field(db, "e", "afterFaqId")} is not null
        order by e.at desc`,
    ),
    // An agent said a person should have taken a conversation: every answer in it failed.
    rawRows<{ faqId: unknown; conversationId: unknown }>(
      db,
      sql`select distinct ${field(db, "e", "faqId")} as "faqId", m.conversation_id as "conversationId"
        from triage_marks m
        join conversation_events e on e.conversation_id = m.conversation_id and e.type = 'answered'
        where m.kind = 'needs_person' and m.created_at >= ${period.from} and m.created_at < ${period.to}`,
    ),
  ]);
  const byFaq = new Map<number, AnswerRow>();
  const entry = (faqId: unknown) => {
    const id = Number(faqId);
    let row = byFaq.get(id);
    if (!row) {
      row = { faqId: id, answered: 0, notHelped: 0, marked: 0, conversations: [] };
      byFaq.set(id, row);
    }
    return row;
  };
  for (const row of answered) entry(row.faqId).answered = Number(row.n);
  const link = (row: AnswerRow, conversationId: unknown) => {
    const id = Number(conversationId);
    if (row.conversations.length < linked && !row.conversations.includes(id)) {
      row.conversations.push(id);
    }
  };
  for (const failure of failures) {
    const row = entry(failure.faqId);
    row.notHelped++;
    link(row, failure.conversationId);
  }
  for (const mark of marks) {
    const row = entry(mark.faqId);
    row.marked++;
    link(row, mark.conversationId);
  }
  return [...byFaq.values()];
}

/** One stretch with the people: from a handoff (or a reopening) to the first reply and the end. */
export interface HumanEpisodeRow {
  conversationId: number;
  startedAt: number;
  /** The handoff's reasons (JSON), or null when the customer reopened a resolved conversation. */
  handoff: string | null;
  skill: string | null;
  firstReplyAt: number | null;
  /** The person who has (or last had) the conversation. */
  agentId: number | null;
  resolvedAt: number | null;
}

export async function humanEpisodes(db: Db, period: Period): Promise<HumanEpisodeRow[]> {
  const isFalse = db.engine === "postgres" ? sql`false` : sql`0`;
  const rows = await rawRows<Record<keyof HumanEpisodeRow, unknown>>(
    db,
    sql`select s.conversation_id as "conversationId", s.at as "startedAt",
      case when s.type = 'handoff' then ${asText(db, sql`s.data`)} end as "handoff",
      c.skill as "skill", c.assignee_id as "agentId",
      (select min(m.created_at) from messages m
        where m.conversation_id = s.conversation_id and m.author = 'agent'
          and m.internal = ${isFalse} and m.created_at >= s.at) as "firstReplyAt",
      (select min(r.at) from conversation_events r
        where r.conversation_id = s.conversation_id and r.type = 'resolved'
          and r.actor = 'agent' and r.at >= s.at) as "resolvedAt"
    from conversation_events s join conversations c on c.id = s.conversation_id
    where s.at >= ${period.from} and s.at < ${period.to}
      and (s.type = 'handoff' or (s.type = 'reopened' and coalesce(${field(db, "s", "to")}, 'queued') <> 'bot'))`,
  );
  return rows.map((row) => ({
    conversationId: Number(row.conversationId),
    startedAt: Number(row.startedAt),
    handoff: textOf(row.handoff),
    skill: textOf(row.skill),
    firstReplyAt: numberOrNull(row.firstReplyAt),
    agentId: numberOrNull(row.agentId),
    resolvedAt: numberOrNull(row.resolvedAt),
  }));
}

export interface RatingRow {
  conversationId: number;
  score: number;
  comment: string | null;
  ratedAt: number;
  /** The handoff (JSON), null when the bot alone handled the conversation. */
  handoff: string | null;
  agentId: number | null;
  agentName: string | null;
}

/** Ratings given in the period. */
export async function ratingsIn(db: Db, period: Period): Promise<RatingRow[]> {
  const rows = await rawRows<Record<keyof RatingRow, unknown>>(
    db,
    sql`select c.id as "conversationId", c.rating as "score", c.rating_comment as "comment",
      c.rated_at as "ratedAt", ${asText(db, sql`c.handoff`)} as "handoff",
      c.assignee_id as "agentId", a.name as "agentName"
    from conversations c left join agents a on a.id = c.assignee_id
    where c.rated_at >= ${period.from} and c.rated_at < ${period.to}
    order by c.rated_at desc`,
  );
  return rows.map((row) => ({
    conversationId: Number(row.conversationId),
    score: Number(row.score),
    comment: textOf(row.comment),
    ratedAt: Number(row.ratedAt),
    handoff: textOf(row.handoff),
    agentId: numberOrNull(row.agentId),
    agentName: textOf(row.agentName),
  }));
}

/** Resolutions in the period: by the bot (agentId null) or by each agent. */
export async function resolutionsIn(
  db: Db,
  period: Period,
): Promise<{ agentId: number | null; count: number }[]> {
  const rows = await rawRows<{ agentId: unknown; n: unknown }>(
    db,
    sql`select e.agent_id as "agentId", count(*) as "n" from conversation_events e
      where e.type = 'resolved' and e.at >= ${period.from} and e.at < ${period.to}
      group by e.agent_id`,
  );
  return rows.map((row) => ({ agentId: numberOrNull(row.agentId), count: Number(row.n) }));
}

/** Conversations each agent took, was given or resolved in the period. */
export async function handledByAgent(db: Db, period: Period): Promise<Map<number, number>> {
  const rows = await rawRows<{ agentId: unknown; n: unknown }>(
    db,
    sql`select e.agent_id as "agentId", count(distinct e.conversation_id) as "n"
      from conversation_events e
      where e.type in ('claimed', 'assigned', 'resolved') and e.agent_id is not null
        and e.at >= ${period.from} and e.at < ${period.to}
      group by e.agent_id`,
  );
  return new Map(rows.map((row) => [Number(row.agentId), Number(row.n)]));
}

export interface PresenceRow {
  agentId: number;
  state: "online" | "away";
  startedAt: number;
  endedAt: number | null;
}

/** The stretches of presence that overlap the period. */
export async function presenceIn(db: Db, period: Period): Promise<PresenceRow[]> {
  const rows = await rawRows<Record<keyof PresenceRow, unknown>>(
    db,
    sql`select p.agent_id as "agentId", p.state as "state", p.started_at as "startedAt",
      p.ended_at as "endedAt" from agent_presence p
      where p.started_at < ${period.to} and (p.ended_at is null or p.ended_at > ${period.from})`,
  );
  return rows.map((row) => ({
    agentId: Number(row.agentId),
    state: row.state === "away" ? "away" : "online",
    startedAt: Number(row.startedAt),
    endedAt: numberOrNull(row.endedAt),
  }));
}

/** What the conversations created in the period ended with: rating and the person who had it. */
export interface ConversationEndRow {
  conversationId: number;
  score: number | null;
  comment: string | null;
  agentName: string | null;
}

export async function conversationEnds(db: Db, period: Period): Promise<ConversationEndRow[]> {
  const rows = await rawRows<Record<keyof ConversationEndRow, unknown>>(
    db,
    sql`select c.id as "conversationId", c.rating as "score", c.rating_comment as "comment",
      a.name as "agentName"
    from conversations c left join agents a on a.id = c.assignee_id
    where c.id in (select s.conversation_id from conversation_events s
      where s.type = 'created' and s.at >= ${period.from} and s.at < ${period.to})`,
  );
  return rows.map((row) => ({
    conversationId: Number(row.conversationId),
    score: numberOrNull(row.score),
    comment: textOf(row.comment),
    agentName: textOf(row.agentName),
  }));
}

/** Every agent's name, those deactivated since included: a past period names who worked then. */
export async function agentNames(db: Db): Promise<Map<number, string>> {
  const { agents } = db.t;
  const rows = await db.q.select({ id: agents.id, name: agents.name }).from(agents);
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** A field of a JSON column (`data`) of the table aliased `alias`, as text. */
function field(db: Db, alias: string, name: string): SQL {
  const column = sql.raw(`${alias}.data`);
  return db.engine === "postgres"
    ? sql`(${column} ->> ${sql.raw(`'${name}'`)})`
    : sql`json_extract(${column}, ${sql.raw(`'$.${name}'`)})`;
}

/** A JSON column as its text (PostgreSQL's jsonb has no max(); SQLite stores text already). */
function asText(db: Db, column: SQL): SQL {
  return db.engine === "postgres" ? sql`${column}::text` : column;
}

function numberOrNull(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}

function textOf(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}
