import type { AnswerRow, BotEpisodeRow } from "../../db/index.ts";
import {
  type BotOutcome,
  type BotReport,
  HANDOFF_REASONS,
  type HandoffReason,
} from "../../protocol/index.ts";
import type { Calendar } from "./calendar.ts";
import { handoffOf } from "./handoff-data.ts";

/** A customer who thanked the bot and came back within this long was not helped after all. */
export const STOOD_MS = 24 * 3_600_000;
const FAILING_SHOWN = 20;

/**
 * One outcome per bot episode: resolved when the customer thanked the bot and did not come
 * back within a day; handed off when a person took over; open while neither is known.
 */
export function botOutcome(row: BotEpisodeRow, now: number): BotOutcome {
  if (row.botResolvedAt !== null) {
    const back = [row.backAt, row.handoffAt].filter((at): at is number => at !== null);
    const cameBack = back.length > 0 ? Math.min(...back) : null;
    if ((cameBack ?? now) - row.botResolvedAt >= STOOD_MS) return "resolved";
    if (cameBack === null) return "open";
  }
  return row.handoffAt !== null ? "handed_off" : "open";
}

export function botReport(input: {
  calendar: Calendar;
  episodes: readonly BotEpisodeRow[];
  answers: readonly AnswerRow[];
  faqTitles: ReadonlyMap<number, string>;
  now: number;
}): BotReport {
  const { calendar, now } = input;
  const size = calendar.period.buckets.length;
  const counts = () => ({ handled: 0, resolved: 0, handed_off: 0, open: 0 });
  const totals = counts();
  const series = Array.from({ length: size }, counts);
  const reasons = new Map<HandoffReason, number[]>();
  const languages = new Map<string, { handled: number[]; handedOff: number[] }>();
  for (const episode of input.episodes) {
    const bucket = calendar.bucketOf(episode.createdAt);
    const slot = series[bucket];
    if (!slot) continue;
    const outcome = botOutcome(episode, now);
    const handoff = outcome === "handed_off" ? handoffOf(episode.handoff) : undefined;
    for (const counted of [totals, slot]) {
      counted.handled++;
      counted[outcome]++;
    }
    for (const reason of handoff?.reasons ?? []) {
      const perBucket = reasons.get(reason) ?? new Array<number>(size).fill(0);
      perBucket[bucket] = (perBucket[bucket] ?? 0) + 1;
      reasons.set(reason, perBucket);
    }
    const language = handoff?.language ?? episode.language ?? "und";
    let perLanguage = languages.get(language);
    if (!perLanguage) {
      perLanguage = { handled: new Array(size).fill(0), handedOff: new Array(size).fill(0) };
      languages.set(language, perLanguage);
    }
    perLanguage.handled[bucket] = (perLanguage.handled[bucket] ?? 0) + 1;
    if (handoff) perLanguage.handedOff[bucket] = (perLanguage.handedOff[bucket] ?? 0) + 1;
  }
  return {
    period: calendar.period,
    totals,
    series,
    byReason: HANDOFF_REASONS.flatMap((reason) => {
      const perBucket = reasons.get(reason);
      return perBucket ? [{ reason, handoffs: sum(perBucket), series: perBucket }] : [];
    }).sort((a, b) => b.handoffs - a.handoffs),
    byLanguage: [...languages]
      .map(([language, { handled, handedOff }]) => ({
        language,
        handled: sum(handled),
        handedOff: sum(handedOff),
        rate: handled.map((n, i) => (n === 0 ? null : (handedOff[i] ?? 0) / n)),
      }))
      .sort((a, b) => b.handled - a.handled),
    failingAnswers: input.answers
      .filter((row) => row.notHelped + row.marked > 0)
      .map((row) => ({ ...row, title: input.faqTitles.get(row.faqId) ?? `#${row.faqId}` }))
      .sort(
        (a, b) =>
          b.notHelped + b.marked - (a.notHelped + a.marked) ||
          failureRate(b) - failureRate(a) ||
          a.faqId - b.faqId,
      )
      .slice(0, FAILING_SHOWN),
  };
}

function failureRate(row: AnswerRow): number {
  return (row.notHelped + row.marked) / Math.max(1, row.answered);
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
