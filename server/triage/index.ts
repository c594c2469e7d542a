export { buildKnowledgeBase, type KnowledgeBase } from "./knowledge-base.ts";
export { personRequested, triage, unsure } from "./triage.ts";
export type { Decision, KnowledgeEntry, TriageContext } from "./types.ts";
