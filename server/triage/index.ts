export { KnowledgeBase, type KnowledgeEntry, type Ranked } from "./knowledge-base.ts";
export { detectLanguage, type LanguageCode, UNDETERMINED } from "./language.ts";
export {
  ANSWER_THRESHOLD,
  DEFAULT_PAUSE_MS,
  personRequested,
  TYPING_FRESH_MS,
  triage,
  unsure,
} from "./triage.ts";
export type { ConversationSoFar, Decision, PendingMessage, TriageInput } from "./types.ts";
