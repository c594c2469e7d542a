export {
  CALIBRATION_TARGETS,
  type CalibrationTargets,
  type LanguageCalibration,
} from "./calibration.ts";
export {
  KnowledgeBase,
  type KnowledgeEntry,
  type LearningMemory,
  type Learnt,
  type Negative,
  type Ranked,
} from "./knowledge-base.ts";
export { detectLanguage, type LanguageCode, UNDETERMINED } from "./language.ts";
export { retriage } from "./retriage.ts";
export {
  DEFAULT_PAUSE_MS,
  personRequested,
  TYPING_FRESH_MS,
  triage,
  unsure,
} from "./triage.ts";
export type { ConversationSoFar, Decision, PendingMessage, TriageInput } from "./types.ts";
