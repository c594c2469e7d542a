import { type Db, listQueue, recentPickups } from "../db/index.ts";
import { DEFAULT_SKILL, type Place } from "../protocol/index.ts";
import type { Publisher } from "./publisher.ts";
import { hourIn, type PaceSample, paceSamples, typicalPace, waitMinutes } from "./routing/index.ts";
import type { Settings } from "./settings-store.ts";

/** Pickups older than this no longer describe how the team works. */
const HISTORY_MS = 28 * 24 * 60 * 60 * 1000;
const HISTORY_LIMIT = 1000;
/** The pickup history is read again at most this often. */
const REFRESH_MS = 30_000;
/** Under a burst of handoffs, waiting customers are told at most this often. */
const TELL_EVERY_MS = 250;

/**
 * Each queued customer's place in their skill group's line and the expected wait, told to
 * them whenever either changes. Places follow the router's order: priority, then time queued.
 */
export function createWaitingLine(deps: {
  db: Db;
  publish: Publisher;
  settings: Settings;
  now: () => number;
}) {
  const { db, now } = deps;
  /** What each waiting customer was last told, so an unchanged place is not sent again. */
  const told = new Map<number, Place>();
  let history: { readAt: number; samples: PaceSample[] } | undefined;
  let toldAt = Number.NEGATIVE_INFINITY;
  let later: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  async function samples(at: number): Promise<PaceSample[]> {
    if (!history || at - history.readAt > REFRESH_MS) {
      const pickups = await recentPickups(db, at - HISTORY_MS, HISTORY_LIMIT);
      history = { readAt: at, samples: paceSamples(pickups) };
    }
    return history.samples;
  }

  async function places(): Promise<Map<number, { visitorId: number; place: Place }>> {
    const at = now();
    const { timeZone } = deps.settings.widget().hours;
    const hourOf = (moment: number) => hourIn(timeZone, moment);
    const paces = new Map<string, number | undefined>();
    const ahead = new Map<string, number>();
    const result = new Map<number, { visitorId: number; place: Place }>();
    for (const row of await listQueue(db)) {
      const skill = row.skill ?? DEFAULT_SKILL;
      const language = row.language ?? "und";
      const position = (ahead.get(skill) ?? 0) + 1;
      ahead.set(skill, position);
      const group = `${skill} ${language}`;
      if (!paces.has(group))
        paces.set(group, typicalPace(await samples(at), { skill, language, at }, hourOf));
      const minutes = waitMinutes(position, paces.get(group));
      const place: Place =
        minutes === undefined ? { position } : { position, waitMinutes: minutes };
      result.set(row.conversationId, { visitorId: row.visitorId, place });
    }
    return result;
  }

  async function tell(): Promise<void> {
    later = undefined;
    if (stopped) return;
    toldAt = performance.now();
    const current = await places();
    for (const id of told.keys()) if (!current.has(id)) told.delete(id);
    for (const [conversationId, { visitorId, place }] of current) {
      const said = told.get(conversationId);
      if (said?.position === place.position && said.waitMinutes === place.waitMinutes) continue;
      told.set(conversationId, place);
      deps.publish.toVisitor(visitorId, { type: "place", conversationId, place });
    }
  }

  return {
    /**
     * For a welcome: where this conversation stands, if it is waiting. What it was last told
     * is current within one update; the whole line is worked out only for one not told yet.
     */
    async placeOf(conversationId: number): Promise<Place | undefined> {
      return told.get(conversationId) ?? (await places()).get(conversationId)?.place;
    },

    /** After the queue changed: every waiting customer whose place or wait moved hears it. */
    async update(): Promise<void> {
      if (later || stopped) return;
      const wait = toldAt + TELL_EVERY_MS - performance.now();
      if (wait <= 0) await tell();
      else later = setTimeout(() => void tell().catch(failed), wait);
    },

    /** At shutdown, before the database closes. */
    stop(): void {
      stopped = true;
      clearTimeout(later);
    },
  };
}

export type WaitingLine = ReturnType<typeof createWaitingLine>;

function failed(error: unknown): void {
  console.error("telling waiting customers their place failed", error);
}
