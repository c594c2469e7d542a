import {
  type AgentsReport,
  type BotReport,
  type Csat,
  format,
  HANDOFF_REASONS,
  type HandoffReason,
  type PeopleReport,
  type SatisfactionReport,
  type Spread,
  type SpreadBy,
} from "../../../protocol/index.ts";
import { en } from "../../i18n/en.ts";
import { reasonLabel } from "../labels.ts";

/** A cell: text, a number, nothing, or conversations an admin can open. */
export type Cell = string | number | null | { conversations: number[] };

/** What a chart draws and the table beside it lists: the same numbers. */
export interface Table {
  id: string;
  caption: string;
  columns: string[];
  rows: Cell[][];
}

export function botTables(report: BotReport) {
  const { totals } = report;
  const outcomeColumns = [en.botHandled, en.botResolved, en.botHandedOff, en.botOpen, en.botRate];
  const outcomeCells = (counts: BotReport["totals"]): Cell[] => [
    counts.handled,
    counts.resolved,
    counts.handed_off,
    counts.open,
    percent(counts.handled === 0 ? null : counts.handed_off / counts.handled),
  ];
  const overTime: Table = {
    id: "bot-over-time",
    caption: en.botOverTime,
    columns: [en.bucket, ...outcomeColumns],
    rows: report.series.map((slot, i) => [report.period.buckets[i] ?? "", ...outcomeCells(slot)]),
  };
  const summary: Table = {
    id: "bot-totals",
    caption: en.reportBot,
    columns: outcomeColumns,
    rows: [outcomeCells(totals)],
  };
  const byReason: Table = {
    id: "bot-by-reason",
    caption: en.byReasonTitle,
    columns: [en.reason, en.handoffs, en.shareOfHandled, ...report.period.buckets],
    rows: report.byReason.map((row) => [
      reasonLabel(row.reason),
      row.handoffs,
      percent(totals.handled === 0 ? null : row.handoffs / totals.handled),
      ...row.series,
    ]),
  };
  const byLanguage: Table = {
    id: "bot-by-language",
    caption: en.byLanguageTitle,
    columns: [en.reportLanguage, en.botHandled, en.botHandedOff, ...report.period.buckets],
    rows: report.byLanguage.map((row) => [
      row.language,
      row.handled,
      row.handedOff,
      ...row.rate.map(percent),
    ]),
  };
  const failing: Table = {
    id: "bot-failing-answers",
    caption: en.failingTitle,
    columns: [en.entry, en.answered, en.notHelped, en.markedByAgent, en.conversationsColumn],
    rows: report.failingAnswers.map((row) => [
      row.title,
      row.answered,
      row.notHelped,
      row.marked,
      { conversations: row.conversations },
    ]),
  };
  return { summary, overTime, byReason, byLanguage, failing };
}

export function peopleTables(report: PeopleReport) {
  const spreadColumns = [
    en.handoffs,
    en.firstReplyMedian,
    en.firstReplyP90,
    en.resolutionMedian,
    en.resolutionP90,
  ];
  const spreadCells = (row: { handoffs: number; firstReply: Spread; resolution: Spread }) => [
    row.handoffs,
    duration(row.firstReply.median),
    duration(row.firstReply.p90),
    duration(row.resolution.median),
    duration(row.resolution.p90),
  ];
  const grouped = (
    id: string,
    caption: string,
    title: string,
    rows: SpreadBy<string | number>[],
  ) => ({
    id,
    caption,
    columns: [title, ...spreadColumns],
    rows: rows.map((row) => [row.label, ...spreadCells(row)]),
  });
  const overTarget = format(en.overTarget, { target: duration(report.targetSeconds) ?? "" });
  return {
    summary: {
      id: "people-totals",
      caption: en.reportPeople,
      columns: [...spreadColumns, overTarget],
      rows: [[...spreadCells(report), report.overTarget]],
    } satisfies Table,
    late: {
      id: "people-over-target",
      caption: en.overTargetList,
      columns: [overTarget, en.conversationsColumn],
      rows: [[report.overTarget, { conversations: report.overTargetConversations }]],
    } satisfies Table,
    // Minutes, so the chart's axis reads as people think of a wait.
    overTime: {
      id: "people-over-time",
      caption: en.peopleOverTime,
      columns: [
        en.bucket,
        en.handoffs,
        `${en.firstReplyMedian} (min)`,
        `${en.firstReplyP90} (min)`,
      ],
      rows: report.series.map((slot, i) => [
        report.period.buckets[i] ?? "",
        slot.handoffs,
        minutes(slot.firstReply.median),
        minutes(slot.firstReply.p90),
      ]),
    } satisfies Table,
    byReason: grouped(
      "people-by-reason",
      en.timesByReason,
      en.reason,
      report.byReason.map((row) => ({ ...row, label: reasonText(row.label) })),
    ),
    bySkill: grouped("people-by-skill", en.bySkillTitle, en.reportSkill, report.bySkill),
    byAgent: grouped("people-by-agent", en.byAgentTitle, en.agent, report.byAgent),
    byHour: grouped("people-by-hour", en.byHourTitle, en.hour, report.byHour),
    heatmap: {
      id: "people-heatmap",
      caption: en.heatmapTitle,
      columns: [en.weekday, ...Array.from({ length: 24 }, (_, hour) => String(hour))],
      rows: report.heatmap.map((hours, day) => [en.weekdays.split(",")[day] ?? "", ...hours]),
    } satisfies Table,
  };
}

export function satisfactionTables(report: SatisfactionReport) {
  const csatColumns = [
    en.ratings,
    en.average,
    ...[1, 2, 3, 4, 5].map((n) => format(en.stars, { n: String(n) })),
    en.resolvedCount,
    en.responseRate,
  ];
  const csatCells = (csat: Csat) => [
    csat.ratings,
    csat.average,
    ...csat.distribution,
    csat.resolved,
    percent(csat.responseRate),
  ];
  return {
    summary: {
      id: "csat-bot-human",
      caption: en.reportSatisfaction,
      columns: [en.csatGroup, ...csatColumns],
      rows: [
        [en.csatBot, ...csatCells(report.bot)],
        [en.csatHuman, ...csatCells(report.human)],
      ],
    } satisfies Table,
    byReason: {
      id: "csat-by-reason",
      caption: en.csatByReason,
      columns: [en.reason, ...csatColumns.slice(0, 7)],
      rows: report.byReason.map((row) => [reasonText(row.reason), ...csatCells(row).slice(0, 7)]),
    } satisfies Table,
    byAgent: {
      id: "csat-by-agent",
      caption: en.csatByAgent,
      columns: [en.agent, ...csatColumns],
      rows: report.byAgent.map((row) => [row.name, ...csatCells(row)]),
    } satisfies Table,
    comments: {
      id: "csat-comments",
      caption: en.commentsTitle,
      columns: [en.reportConversation, en.score, en.csatGroup, en.agent, en.comment],
      rows: report.comments.map((row) => [
        { conversations: [row.conversationId] },
        row.score,
        row.handledBy === "bot" ? en.csatBot : en.csatHuman,
        row.agentName,
        row.comment,
      ]),
    } satisfies Table,
  };
}

export function agentsTable(report: AgentsReport): Table {
  return {
    id: "agents",
    caption: en.reportAgents,
    columns: [en.agent, en.handled, en.onlineTime, en.awayTime, en.loadNow],
    rows: report.agents.map((row) => [
      row.name,
      row.handled,
      duration(row.onlineSeconds),
      duration(row.awaySeconds),
      `${row.assigned} / ${row.capacity}`,
    ]),
  };
}

/** "45 s", "2 min 5 s", "3 h 20 min"; null stays empty. */
export function duration(seconds: number | null): string | null {
  if (seconds === null) return null;
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 3600) {
    const rest = seconds % 60;
    return `${Math.floor(seconds / 60)} min${rest ? ` ${rest} s` : ""}`;
  }
  const rest = Math.round((seconds % 3600) / 60);
  return `${Math.floor(seconds / 3600)} h${rest ? ` ${rest} min` : ""}`;
}

function minutes(seconds: number | null): number | null {
  return seconds === null ? null : Math.round((seconds / 60) * 10) / 10;
}

function percent(rate: number | null): string | null {
  return rate === null ? null : `${Math.round(rate * 100)}%`;
}

function reasonText(reason: string): string {
  return (HANDOFF_REASONS as readonly string[]).includes(reason)
    ? reasonLabel(reason as HandoffReason)
    : en.reasonReopened;
}
