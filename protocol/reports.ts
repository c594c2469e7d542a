// The reports an admin reads in the inbox (GET /api/admin/reports/:section), declared once for
// the server that computes them and the inbox that draws them.
import * as v from "valibot";
import type { HandoffReason } from "./frames.ts";

const day = v.pipe(
  v.string(),
  v.isoDate("A day is written YYYY-MM-DD."),
  // The format allows February 30th; the calendar does not.
  v.check((date) => realDay(date), "There is no such day."),
);

function realDay(date: string): boolean {
  const parsed = Date.parse(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed) && new Date(parsed).toISOString().startsWith(date);
}

/** Longest period one report covers: a year and a day (a leap year's 366 days). */
export const MAX_REPORT_DAYS = 366;

export const REPORT_SECTIONS = ["bot", "people", "satisfaction", "agents"] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];

/** The period, both days included, in the company's time zone, and how to group it. */
export const reportQuery = v.object({
  from: day,
  to: day,
  group: v.optional(v.picklist(["day", "week"]), "day"),
});
export type ReportQuery = v.InferOutput<typeof reportQuery>;

/** Medians and 90th percentiles in seconds; null when nothing was measured. */
export interface Spread {
  count: number;
  median: number | null;
  p90: number | null;
}

export interface ReportPeriod {
  from: string;
  to: string;
  group: "day" | "week";
  timeZone: string;
  /** The first day of each group (a week starts on Monday), oldest first. */
  buckets: string[];
}

/** What happened in one bot episode: never both resolved and handed off. */
export type BotOutcome = "resolved" | "handed_off" | "open";

export interface BotReport {
  period: ReportPeriod;
  /** Bot episodes that started in the period, by outcome; per bucket in `series`. */
  totals: Record<BotOutcome, number> & { handled: number };
  series: (Record<BotOutcome, number> & { handled: number })[];
  /** Handoffs per reason (one handoff may have several), per bucket. */
  byReason: { reason: HandoffReason; handoffs: number; series: number[] }[];
  /** Episodes and handoffs per language, the handoff rate per bucket (null: no episode). */
  byLanguage: { language: string; handled: number; handedOff: number; rate: (number | null)[] }[];
  /** The entries whose answers helped least, worst first, with the conversations that show it. */
  failingAnswers: {
    faqId: number;
    title: string;
    answered: number;
    /** "That didn't help", the same question again, or a person asked for right after. */
    notHelped: number;
    /** An agent marked a conversation it answered as a person's job. */
    marked: number;
    conversations: number[];
  }[];
}

export interface SpreadBy<K extends string | number> {
  key: K;
  label: string;
  handoffs: number;
  firstReply: Spread;
  resolution: Spread;
}

export interface PeopleReport {
  period: ReportPeriod;
  /** Conversations that reached the people (handed off, or reopened) in the period. */
  handoffs: number;
  firstReply: Spread;
  resolution: Spread;
  /** The routing settings' waiting alert: a first reply later than this missed it. */
  targetSeconds: number;
  overTarget: number;
  overTargetConversations: number[];
  series: { handoffs: number; firstReply: Spread; resolution: Spread }[];
  byReason: SpreadBy<string>[];
  bySkill: SpreadBy<string>[];
  byAgent: SpreadBy<number>[];
  byHour: SpreadBy<number>[];
  /** Handoffs by weekday (0 Monday … 6 Sunday) and hour, in the company's time zone. */
  heatmap: number[][];
}

export interface Csat {
  ratings: number;
  /** null without any rating. */
  average: number | null;
  /** How many ratings of 1, 2, 3, 4 and 5. */
  distribution: number[];
  /** Conversations resolved in the period. */
  resolved: number;
  /** ratings / resolved, null when nothing was resolved. */
  responseRate: number | null;
}

export interface SatisfactionReport {
  period: ReportPeriod;
  bot: Csat;
  human: Csat;
  byReason: ({ reason: string } & Csat)[];
  byAgent: ({ agentId: number; name: string } & Csat)[];
  comments: {
    conversationId: number;
    score: number;
    comment: string;
    at: number;
    handledBy: "bot" | "human";
    agentName: string | null;
  }[];
}

export interface AgentsReport {
  period: ReportPeriod;
  agents: {
    agentId: number;
    name: string;
    /** Conversations they took or were given, or resolved, in the period. */
    handled: number;
    onlineSeconds: number;
    awaySeconds: number;
    /** Now, not in the period. */
    assigned: number;
    capacity: number;
  }[];
}

export interface Reports {
  bot: BotReport;
  people: PeopleReport;
  satisfaction: SatisfactionReport;
  agents: AgentsReport;
}
