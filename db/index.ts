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
  listAgents,
  type NewAgent,
} from "./agents.ts";
export {
  type AuditAction,
  type AuditEntry,
  listAudit,
  recordAudit,
} from "./audit.ts";
export {
  currentConversationOf,
  getConversation,
  latestOf,
  listOpenConversations,
} from "./conversation-reads.ts";
export * from "./conversations.ts";
export { closeDatabase, type Db, openDatabase } from "./database.ts";
export {
  deleteFaqEntry,
  type FaqEntry,
  insertFaqEntries,
  listFaqEntries,
  type NewFaqEntry,
  saveFaqEntry,
} from "./faq.ts";
export { readTranscript } from "./messages.ts";
export { deleteVisitor, exportVisitor } from "./privacy.ts";
export {
  bindVisitorToUser,
  createVisitor,
  findVisitor,
  findVisitorByUserId,
  type Visitor,
} from "./visitors.ts";
