import { acceptedNegatives, type Db, type FaqEntry, listFaqEntries } from "../db/index.ts";
import { KnowledgeBase, type LanguageCalibration } from "./triage/index.ts";

/** Edits arriving together (an import, a quick series of saves) are learned from once. */
const RETRAIN_DELAY_MS = 200;

export interface CalibrationReport {
  /** When the report was made; a newer edit makes a new one shortly. */
  trainedAt: number;
  languages: LanguageCalibration[];
}

/**
 * The company's FAQ as the bot knows it: the entries by id and the engine's index over them,
 * with the agents' accepted marks. Every edit is applied in place at once; calibration and the
 * reason model are redone shortly after, off the message path.
 */
export async function loadKnowledge(db: Db, now: () => number = Date.now) {
  const entries = new Map<number, FaqEntry>();
  const base = new KnowledgeBase();
  for (const entry of await listFaqEntries(db)) {
    entries.set(entry.id, entry);
    base.upsert({ ...entry, language: entry.lang });
  }
  base.setNegatives(await acceptedNegatives(db));
  let report: CalibrationReport = { trainedAt: 0, languages: [] };
  let timer: NodeJS.Timeout | undefined;

  function train(): void {
    timer = undefined;
    base.train();
    report = { trainedAt: now(), languages: base.calibration() };
  }

  function retrainSoon(): void {
    if (timer === undefined) timer = setTimeout(train, RETRAIN_DELAY_MS);
  }

  train();
  return {
    base,
    entries,

    /** An admin saved an entry: the next answer uses it (edited in place, no rebuild). */
    saved(entry: FaqEntry): void {
      base.upsert({ ...entry, language: entry.lang });
      entries.set(entry.id, entry);
      retrainSoon();
    },

    deleted(id: number): void {
      base.remove(id);
      entries.delete(id);
      retrainSoon();
    },

    /** An admin accepted a "should have gone to a person" mark: it becomes a negative. */
    async negativesChanged(): Promise<void> {
      base.setNegatives(await acceptedNegatives(db));
      retrainSoon();
    },

    /** What calibration found, per language, for the knowledge-base admin. */
    report(): CalibrationReport & { pending: boolean } {
      return { ...report, pending: timer !== undefined };
    },

    stop(): void {
      clearTimeout(timer);
      timer = undefined;
    },
  };
}

export type Knowledge = Awaited<ReturnType<typeof loadKnowledge>>;
