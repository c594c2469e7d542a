export {
  type Agent,
  countAgents,
  createAgent,
  createAgentSession,
  deactivateAgent,
  deleteAgentSession,
  deleteAgentSessions,
  findAgentByEmail,
  findAgentCredentials,
  findSessionAgent,
  type NewAgent,
} from "./agents.ts";
export {
  createApiToken,
  findApiToken,
  listApiTokens,
  revokeApiToken,
  type TokenHolder,
  touchApiToken,
} from "./api-tokens.ts";
export {
  deletionsDone,
  dropUnsentUploads,
  FilesUnavailable,
  fileToServe,
  pendingDeletions,
  type StoredAttachment,
  storeUpload,
  unsentUploads,
  visitorFiles,
} from "./attachments.ts";
export {
  type AuditAction,
  type AuditEntry,
  listAudit,
  recordAudit,
} from "./audit.ts";
export {
  type CannedResponse,
  deleteCannedResponse,
  listCannedResponses,
  saveCannedResponse,
} from "./canned.ts";
export {
  conversationState,
  currentConversationOf,
  getConversation,
  latestOf,
  listOpenConversations,
  listResolvedConversations,
  listVisitorConversations,
} from "./conversation-reads.ts";
export * from "./conversations.ts";
export type { Db } from "./database.ts";
export {
  deleteFaqEntry,
  type FaqEntry,
  findFaqEntry,
  insertFaqEntries,
  listFaqEntries,
  type NewFaqEntry,
  saveFaqEntry,
} from "./faq.ts";
export { fillEmptyDatabase } from "./first-start.ts";
export {
  acceptedNegatives,
  createMark,
  listMarks,
  MARK_STATUSES,
  type MarkStatus,
  type NewMark,
  reviewMark,
  type TriageMark,
} from "./marks.ts";
export { readTranscript } from "./messages.ts";
export { closeDatabase, openDatabase } from "./open.ts";
export {
  claimDueEmails,
  markEmailFailed,
  markEmailSent,
  nextEmailAt,
  type OutboxEmail,
  queueEmail,
} from "./outbox.ts";
export { recentPickups } from "./pickups.ts";
export { recordPresence } from "./presence-log.ts";
export { deleteVisitor, type ErasedVisitor, exportVisitor } from "./privacy.ts";
export {
  alertTargets,
  claimLongWaits,
  deletePushSubscription,
  emailAlertsOf,
  savePushSubscription,
  setEmailAlerts,
  vapidKeys,
} from "./push.ts";
export { listQueue } from "./queue.ts";
export { rateConversation } from "./ratings.ts";
export { markRead, readByTeam, readCounts } from "./reads.ts";
export * from "./reports.ts";
export { searchMessages } from "./search.ts";
export { readSettings, saveSettings } from "./settings.ts";
export {
  createPasswordLink,
  findPasswordLink,
  listTeam,
  setAway,
  type TeamRow,
  updateAgentProfile,
  usePasswordLink,
} from "./team.ts";
export {
  bindVisitorToUser,
  createVisitor,
  findVisitor,
  findVisitorByUserId,
  saveContactEmail,
  updateVisitorProfile,
  type Visitor,
} from "./visitors.ts";
export {
  claimDueDeliveries,
  createWebhookEndpoint,
  type DueDelivery,
  deleteWebhookEndpoint,
  listDeliveries,
  listWebhookEndpoints,
  loadSubscriptions,
  recordAttempt,
  retryDelivery,
  updateWebhookEndpoint,
} from "./webhooks.ts";
