import type { HumanEpisodeRow } from "../../db/index.ts";
import type { PeopleReport, SpreadBy } from "../../protocol/index.ts";
import type { Calendar } from "./calendar.ts";
import { handoffOf } from "./handoff-data.ts";
import { Groups, spread } from "./spread.ts";

const LISTED = 50;

/** A customer who reopened a resolved conversation: no handoff reasons, their own group. */
export const REOPENED = "reopened";

interface Timed {
  firstReply?: number;
  resolution?: number;
}

/** How fast people answered and resolved what reached them in the period. */
export function peopleReport(input: {
  calendar: Calendar;
  episodes: readonly HumanEpisodeRow[];
  targetSeconds: number;
  agentNames: ReadonlyMap<number, string>;
  now: number;
}): PeopleReport {
  const { calendar, targetSeconds, now } = input;
  const size = calendar.period.buckets.length;
  const all: Timed[] = [];
  const buckets = new Groups<number, Timed>();
  const reasons = new Groups<string, Timed>();
  const skills = new Groups<string, Timed>();
  const agents = new Groups<number, Timed>();
  const hours = new Groups<number, Timed>();
  const heatmap = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
  const late: { conversationId: number; startedAt: number }[] = [];
  for (const episode of input.episodes) {
    const bucket = calendar.bucketOf(episode.startedAt);
    if (bucket < 0) continue;
    const timed: Timed = {};
    if (episode.firstReplyAt !== null) timed.firstReply = episode.firstReplyAt - episode.startedAt;
    if (episode.resolvedAt !== null) timed.resolution = episode.resolvedAt - episode.startedAt;
    all.push(timed);
    buckets.add(bucket, timed);
    const handoff = handoffOf(episode.handoff);
    for (const reason of handoff ? handoff.reasons : [REOPENED]) reasons.add(reason, timed);
    skills.add(episode.skill ?? "general", timed);
    if (episode.agentId !== null) agents.add(episode.agentId, timed);
    const { weekday, hour } = calendar.localTime(episode.startedAt);
    hours.add(hour, timed);
    const day = heatmap[weekday];
    if (day) day[hour] = (day[hour] ?? 0) + 1;
    const waited = (episode.firstReplyAt ?? now) - episode.startedAt;
    if (waited > targetSeconds * 1000) late.push(episode);
  }
  late.sort((a, b) => b.startedAt - a.startedAt);
  return {
    period: calendar.period,
    handoffs: all.length,
    ...spreads(all),
    targetSeconds,
    overTarget: late.length,
    overTargetConversations: late.slice(0, LISTED).map((episode) => episode.conversationId),
    series: Array.from({ length: size }, (_, bucket) => {
      const timed = buckets.get(bucket);
      return { handoffs: timed.length, ...spreads(timed) };
    }),
    byReason: by(reasons, (reason) => reason),
    bySkill: by(skills, (skill) => skill),
    byAgent: by(agents, (id) => input.agentNames.get(id) ?? `#${id}`),
    byHour: by(hours, (hour) => `${String(hour).padStart(2, "0")}:00`).sort(
      (a, b) => a.key - b.key,
    ),
    heatmap,
  };
}

function spreads(timed: readonly Timed[]) {
  return {
    firstReply: spread(timed.flatMap((t) => (t.firstReply === undefined ? [] : [t.firstReply]))),
    resolution: spread(timed.flatMap((t) => (t.resolution === undefined ? [] : [t.resolution]))),
  };
}

/** One row per key, the busiest first. */
function by<K extends string | number>(
  groups: Groups<K, Timed>,
  label: (key: K) => string,
): SpreadBy<K>[] {
  return [...groups.map]
    .map(([key, timed]) => ({ key, label: label(key), handoffs: timed.length, ...spreads(timed) }))
    .sort((a, b) => b.handoffs - a.handoffs);
}
