// A worker thread that trains and calibrates the engine on a copy of the FAQ and the agents'
// marks, so the server's event loop keeps serving customers meanwhile (`server/knowledge.ts`).
import { parentPort } from "node:worker_threads";
import type { KnowledgeEntry, Learnt, Negative } from "./triage/index.ts";
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

parentPort?.on("message", ({ id, entries, negatives }: LearningJob) => {
  const base = new KnowledgeBase(entries);
  base.setNegatives(negatives);
  const learnt = base.learn();
  // The weights move to the server's thread rather than being copied.
  const buffers = [learnt.reasons, ...learnt.entryModels.map(({ model }) => model.regression)].map(
    ({ weights }) => weights.buffer as ArrayBuffer,
  );
  parentPort?.postMessage({ id, learnt } satisfies LearningResult, buffers);
});
