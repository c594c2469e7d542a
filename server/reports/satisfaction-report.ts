import type { RatingRow } from "../../db/index.ts";
import type { Csat, SatisfactionReport } from "../../protocol/index.ts";
import type { Calendar } from "./calendar.ts";
import { handoffOf } from "./handoff-data.ts";
import { Groups } from "./spread.ts";

const COMMENTS_SHOWN = 50;

/** CSAT of conversations the bot handled alone against those a person handled. */
export function satisfactionReport(input: {
  calendar: Calendar;
  ratings: readonly RatingRow[];
  /** Resolutions in the period: by the bot (agentId null) or by each agent. */
  resolutions: readonly { agentId: number | null; count: number }[];
  agentNames: ReadonlyMap<number, string>;
}): SatisfactionReport {
  const resolvedBy = new Map(input.resolutions.map((row) => [row.agentId, row.count]));
  const botResolved = resolvedBy.get(null) ?? 0;
  const humanResolved = input.resolutions.reduce(
    (total, row) => total + (row.agentId === null ? 0 : row.count),
    0,
  );
  const bot: RatingRow[] = [];
  const human: RatingRow[] = [];
  const reasons = new Groups<string, RatingRow>();
  const agents = new Groups<number, RatingRow>();
  for (const rating of input.ratings) {
    if (rating.handoff === null) {
      bot.push(rating);
      continue;
    }
    human.push(rating);
    for (const reason of handoffOf(rating.handoff)?.reasons ?? []) reasons.add(reason, rating);
    if (rating.agentId !== null) agents.add(rating.agentId, rating);
  }
  return {
    period: input.calendar.period,
    bot: csat(bot, botResolved),
    human: csat(human, humanResolved),
    byReason: [...reasons.map]
      .map(([reason, rows]) => ({ reason, ...csat(rows, null) }))
      .sort((a, b) => b.ratings - a.ratings),
    byAgent: [...agents.map]
      .map(([agentId, rows]) => ({
        agentId,
        name: input.agentNames.get(agentId) ?? `#${agentId}`,
        ...csat(rows, resolvedBy.get(agentId) ?? 0),
      }))
      .sort((a, b) => b.ratings - a.ratings),
    comments: input.ratings
      .filter((rating) => rating.comment)
      .slice(0, COMMENTS_SHOWN)
      .map((rating) => ({
        conversationId: rating.conversationId,
        score: rating.score,
        comment: rating.comment ?? "",
        at: rating.ratedAt,
        handledBy: rating.handoff === null ? "bot" : "human",
        agentName: rating.agentName,
      })),
  };
}

/** `resolved` null: not known for this group (a rating's reasons are not a resolution's). */
function csat(ratings: readonly RatingRow[], resolved: number | null): Csat {
  const distribution = [0, 0, 0, 0, 0];
  let total = 0;
  for (const { score } of ratings) {
    distribution[score - 1] = (distribution[score - 1] ?? 0) + 1;
    total += score;
  }
  const count = ratings.length;
  return {
    ratings: count,
    average: count === 0 ? null : Math.round((total / count) * 100) / 100,
    distribution,
    resolved: resolved ?? 0,
    responseRate: !resolved ? null : Math.min(1, count / resolved),
  };
}
