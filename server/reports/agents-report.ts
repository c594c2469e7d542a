import type { PresenceRow, TeamRow } from "../../db/index.ts";
import type { AgentsReport } from "../../protocol/index.ts";
import type { Calendar } from "./calendar.ts";

/** Each agent's conversations and time online and away in the period, and their load now. */
export function agentsReport(input: {
  calendar: Calendar;
  team: readonly TeamRow[];
  handled: ReadonlyMap<number, number>;
  presence: readonly PresenceRow[];
  now: number;
}): AgentsReport {
  const { calendar, now } = input;
  const end = Math.min(calendar.to, now);
  const time = new Map<number, { online: number; away: number }>();
  for (const stretch of input.presence) {
    const from = Math.max(stretch.startedAt, calendar.from);
    const to = Math.min(stretch.endedAt ?? now, end);
    if (to <= from) continue;
    const spent = time.get(stretch.agentId) ?? { online: 0, away: 0 };
    spent[stretch.state] += to - from;
    time.set(stretch.agentId, spent);
  }
  return {
    period: calendar.period,
    agents: input.team.map((agent) => ({
      agentId: agent.id,
      name: agent.name,
      handled: input.handled.get(agent.id) ?? 0,
      onlineSeconds: Math.round((time.get(agent.id)?.online ?? 0) / 1000),
      awaySeconds: Math.round((time.get(agent.id)?.away ?? 0) / 1000),
      assigned: agent.assigned,
      capacity: agent.capacity,
    })),
  };
}
