import { type Db, listTeam, recordPresence, type TeamRow } from "../../db/index.ts";
import type { Availability, TeamMember } from "../../protocol/index.ts";
import type { Presence } from "../presence.ts";
import { AVAILABILITY_TOPIC, type Publisher } from "../publisher.ts";
import { openingAt } from "../routing/index.ts";
import type { Settings } from "../settings-store.ts";

/**
 * Who is here: the team as every inbox shows it (presence counted over all nodes), and whether
 * anyone can answer, as every open widget is told. Each node runs one; availability reaches
 * the widgets of every node through the bus, each node telling its own once per change.
 */
export function createTeam(deps: {
  db: Db;
  publish: Publisher;
  settings: Settings;
  /** Agents with the inbox open, on any node. */
  agents: Presence;
  /** Customers with a widget open, who hear when availability changes. */
  customers: Presence;
  now: () => number;
}) {
  const { publish } = deps;
  /** What every open widget was last told about availability. */
  let announced: { availability: Availability; said: string } | undefined;
  /** Who was online at the last team update, to notice a node that went away with its agents. */
  let lastOnline = "";
  /** Set at shutdown: nothing is published after it (the database is closing). */
  let stopped = false;
  /** Each agent's presence as this node last wrote it down for the reports. */
  const recorded = new Map<number, TeamMember["presence"]>();

  const stopHearing = publish.availability.subscribe(AVAILABILITY_TOPIC, (current) => {
    const said = JSON.stringify(current);
    if (said === announced?.said) return;
    announced = { availability: current, said };
    const frame = { type: "availability", availability: current } as const;
    for (const visitorId of deps.customers.here()) publish.toVisitor(visitorId, frame);
  });

  async function members(): Promise<TeamMember[]> {
    const [rows, online] = await Promise.all([listTeam(deps.db), deps.agents.everywhere()]);
    lastOnline = [...online].sort().join(",");
    const team = rows.map((row) => member(row, online.has(row.id)));
    await logPresence(team);
    return team;
  }

  /** Online and away time for the reports: changes since this node last looked are stored. */
  async function logPresence(team: TeamMember[]): Promise<void> {
    // A deactivated agent's presence ended with the account (deactivateAgent).
    const listed = new Set(team.map((member) => member.id));
    for (const id of recorded.keys()) if (!listed.has(id)) recorded.delete(id);
    const changed = new Map<number, TeamMember["presence"]>();
    for (const { id, presence } of team) {
      if (recorded.get(id) !== presence) changed.set(id, presence);
    }
    if (changed.size === 0) return;
    // Noted before the write, so the many calls of a burst (every widget's hello) write once;
    // forgotten if it fails, so the next look writes it again (the write is idempotent).
    for (const [id, presence] of changed) recorded.set(id, presence);
    await recordPresence(deps.db, changed, deps.now()).catch((error: unknown) => {
      for (const id of changed.keys()) recorded.delete(id);
      throw error;
    });
  }

  /** Within business hours, and is anyone online (not away) to answer? */
  function availability(team: TeamMember[]): Availability {
    const opening = openingAt(deps.settings.widget().hours, deps.now());
    const agentsOnline = team.some((agent) => agent.presence === "online");
    return "opensAt" in opening && opening.opensAt !== undefined
      ? { open: opening.open, agentsOnline, opensAt: opening.opensAt }
      : { open: opening.open, agentsOnline };
  }

  /**
   * Tells every open widget when availability changed since it was last told. Runs whenever
   * the team changes, the settings change, and every half minute for business hours.
   */
  async function announceAvailability(team?: TeamMember[]): Promise<Availability> {
    const current = availability(team ?? (await members()));
    if (JSON.stringify(current) !== announced?.said) {
      publish.availability.publish(AVAILABILITY_TOPIC, current);
    }
    return current;
  }

  return {
    members,
    announceAvailability,

    /** Every inbox hears the team as it is now, and every widget whether anyone can answer. */
    async publish(): Promise<void> {
      if (stopped) return;
      const team = await members();
      publish.toInbox({ type: "team", team });
      await announceAvailability(team);
    },

    /**
     * What a widget saying hello is told: the last announcement, kept current by it (before the
     * first one, worked out without announcing: the widget hears it in its welcome).
     */
    async availability(): Promise<Availability> {
      return announced?.availability ?? availability(await members());
    },

    /** Whether the agents online changed since the last team update (a node died with its sockets). */
    async changedUnheard(): Promise<boolean> {
      const online = [...(await deps.agents.everywhere())].sort().join(",");
      return online !== lastOnline && !stopped;
    },

    stop(): void {
      stopped = true;
      stopHearing();
    },
  };
}

export type Team = ReturnType<typeof createTeam>;

function member(row: TeamRow, connected: boolean): TeamMember {
  const { away, ...fields } = row;
  return { ...fields, presence: !connected ? "offline" : away ? "away" : "online" };
}
