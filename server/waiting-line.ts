import { type Db, listQueue, recentPickups } from "../db/index.ts";
import { DEFAULT_SKILL, type Place } from "../protocol/index.ts";
import type { Publisher } from "./publisher.ts";
import { estimateWaitMinutes, hourIn, type PaceSample, paceSamples } from "./routing/index.ts";
import type { Settings } from "./settings-store.ts";

/** Pickups older than this no longer describe how the team works. */
const HISTORY_MS = 28 * 24 * 60 * 60 * 1000;
const HISTORY_LIMIT = 1000;
/** The pickup history is read again at most this often. */
const REFRESH_MS = 30_000;

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
  const told = new Map<number, string>();
  let history: { readAt: number; samples: PaceSample[] } | undefined;

  function samples(at: number): PaceSample[] {
    if (!history || at - history.readAt > REFRESH_MS) {
      history = {
        readAt: at,
        samples: paceSamples(recentPickups(db, at - HISTORY_MS, HISTORY_LIMIT)),
      };
    }
    return history.samples;
  }

  function places(): Map<number, { visitorId: number; place: Place }> {
    const at = now();
    const { timeZone } = deps.settings.widget().hours;
    const hourOf = (moment: number) => hourIn(timeZone, moment);
    const ahead = new Map<string, number>();
    const result = new Map<number, { visitorId: number; place: Place }>();
    for (const row of listQueue(db)) {
      const skill = row.skill ?? DEFAULT_SKILL;
      const position = (ahead.get(skill) ?? 0) + 1;
      ahead.set(skill, position);
      const waiting = { position, skill, language: row.language ?? "und", at };
      const waitMinutes = estimateWaitMinutes(samples(at), waiting, hourOf);
      const place: Place = waitMinutes === undefined ? { position } : { position, waitMinutes };
      result.set(row.conversationId, { visitorId: row.visitorId, place });
    }
    return result;
  }

  return {
    /** For a welcome: where this conversation stands, if it is waiting. */
    placeOf(conversationId: number): Place | undefined {
      return places().get(conversationId)?.place;
    },

    /** After the queue changed: every waiting customer whose place or wait moved hears it. */
    update(): void {
      const current = places();
      for (const id of told.keys()) if (!current.has(id)) told.delete(id);
      for (const [conversationId, { visitorId, place }] of current) {
        const said = JSON.stringify(place);
        if (told.get(conversationId) === said) continue;
        told.set(conversationId, said);
        deps.publish.toVisitor(visitorId, { type: "place", conversationId, place });
      }
    },
  };
}

export type WaitingLine = ReturnType<typeof createWaitingLine>;
