// A worker thread that trains and calibrates the engine on a copy of the FAQ and the agents'
// marks, so the server's event loop keeps serving customers meanwhile (`server/knowledge.ts`).
import { parentPort } from "node:worker_threads";
import type { KnowledgeEntry, LearningMemory, Learnt, Negative } from "./triage/index.ts";
import { KnowledgeBase } from "./triage/index.ts";

export interface LearningJob {
  id: number;
  entries: KnowledgeEntry[];
  negatives: Negative[];
}

export interface LearningResult {
  id: number;
  learnt: Learnt;
}

/** Kept from job to job: after an edit only the edited language is learnt again. */
const memory: LearningMemory = new Map();

parentPort?.on("message", ({ id, entries, negatives }: LearningJob) => {
  const base = new KnowledgeBase(entries);
  base.setNegatives(negatives);
  const learnt = base.learn({ memory });
  // The reason model's weights move to the server's thread rather than being copied; the
  // entry models' are copied, as the memory keeps them for the next job.
  parentPort?.postMessage({ id, learnt } satisfies LearningResult, [
    learnt.reasons.weights.buffer as ArrayBuffer,
  ]);
});
