import { Worker } from "node:worker_threads";
import {
  acceptedNegatives,
  type Db,
  type FaqEntry,
  findFaqEntry,
  listFaqEntries,
} from "../db/index.ts";
import type { Change } from "./changes.ts";
import type { LearningJob, LearningResult } from "./learning-thread.ts";
import {
  KnowledgeBase,
  type KnowledgeEntry,
  type LanguageCalibration,
  type Learnt,
  type Negative,
} from "./triage/index.ts";

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
 * models are redone shortly after in a worker thread, off the message path, and installed
 * when done.
 */
export async function loadKnowledge(
  db: Db,
  now: () => number = Date.now,
  /** Tells the other nodes what this one changed. */
  changed: (change: Change) => void = () => {},
) {
  const entries = new Map<number, FaqEntry>();
  const base = new KnowledgeBase();
  for (const entry of await listFaqEntries(db)) {
    entries.set(entry.id, entry);
    base.upsert(asKnowledge(entry));
  }
  let negatives = await acceptedNegatives(db);
  base.setNegatives(negatives);
  // Before the server listens, the first training may take the thread it runs on.
  base.train();
  let report: CalibrationReport = { trainedAt: now(), languages: base.calibration() };
  const thread = learningThread();
  let timer: NodeJS.Timeout | undefined;
  let learning = false;
  let again = false;
  let stopped = false;

  async function retrain(): Promise<void> {
    timer = undefined;
    if (learning) {
      again = true;
      return;
    }
    learning = true;
    try {
      base.apply(await thread.learn([...entries.values()].map(asKnowledge), negatives));
    } catch (error) {
      if (stopped) return;
      console.error("The learning thread failed; training on the main thread instead.", error);
      base.train();
    } finally {
      learning = false;
    }
    report = { trainedAt: now(), languages: base.calibration() };
    if (again) {
      again = false;
      retrainSoon();
    }
  }

  function put(entry: FaqEntry): void {
    base.upsert(asKnowledge(entry));
    entries.set(entry.id, entry);
    retrainSoon();
  }

  function remove(id: number): void {
    base.remove(id);
    entries.delete(id);
    retrainSoon();
  }

  async function readNegatives(): Promise<void> {
    negatives = await acceptedNegatives(db);
    base.setNegatives(negatives);
    retrainSoon();
  }

  function retrainSoon(): void {
    if (timer === undefined && !stopped) timer = setTimeout(() => void retrain(), RETRAIN_DELAY_MS);
  }

  return {
    base,
    entries,

    /** An admin saved an entry: the next answer uses it (edited in place, no rebuild). */
    saved(entry: FaqEntry): void {
      put(entry);
      changed({ kind: "faq", ids: [entry.id] });
    },

    deleted(id: number): void {
      remove(id);
      changed({ kind: "faq", ids: [id] });
    },

    /** An admin accepted a "should have gone to a person" mark: it becomes a negative. */
    async negativesChanged(): Promise<void> {
      await readNegatives();
      changed({ kind: "negatives" });
    },

    /** Another node changed the FAQ or the negatives: read them again from the database. */
    async refresh(change: Extract<Change, { kind: "faq" | "negatives" }>): Promise<void> {
      if (change.kind === "negatives") return readNegatives();
      for (const id of change.ids) {
        const entry = await findFaqEntry(db, id);
        if (entry) put(entry);
        else remove(id);
      }
    },

    /** What calibration found, per language, for the knowledge-base admin. */
    report(): CalibrationReport & { pending: boolean } {
      return { ...report, pending: timer !== undefined || learning };
    },

    stop(): void {
      stopped = true;
      clearTimeout(timer);
      timer = undefined;
      void thread.stop();
    },
  };
}

export type Knowledge = Awaited<ReturnType<typeof loadKnowledge>>;

function asKnowledge(entry: FaqEntry): KnowledgeEntry {
  const { id, lang, title, questions, answer } = entry;
  return { id, language: lang, title, questions, answer };
}

/** The worker thread that learns, started on the first edit; one job at a time. */
function learningThread() {
  let worker: Worker | undefined;
  let jobs = 0;
  let waiting:
    | { id: number; resolve: (learnt: Learnt) => void; reject: (error: unknown) => void }
    | undefined;

  function start(): Worker {
    const started = new Worker(new URL("./learning-thread.mjs", import.meta.url));
    started.on("message", ({ id, learnt }: LearningResult) => {
      if (id !== waiting?.id) return;
      waiting.resolve(learnt);
      waiting = undefined;
    });
    const fail = (error: unknown) => {
      waiting?.reject(error);
      waiting = undefined;
      worker = undefined;
    };
    started.on("error", fail);
    started.on("exit", (code) => fail(new Error(`the learning thread exited with ${code}`)));
    // Idle, it does not keep the process alive.
    started.unref();
    return started;
  }

  return {
    learn(entries: KnowledgeEntry[], negatives: Negative[]): Promise<Learnt> {
      worker ??= start();
      const thread = worker;
      const id = ++jobs;
      return new Promise((resolve, reject) => {
        waiting = { id, resolve, reject };
        thread.postMessage({ id, entries, negatives } satisfies LearningJob);
      });
    },

    async stop(): Promise<void> {
      const running = worker;
      worker = undefined;
      await running?.terminate();
    },
  };
}
