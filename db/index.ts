export {
  type Agent,
  countAgents,
  createAgent,
  createAgentSession,
  deleteAgentSession,
  findAgentCredentials,
  findSessionAgent,
  type NewAgent,
} from "./agents.ts";
export {
  findVisitorConversation,
  getConversation,
  getTranscript,
  listOpenConversations,
} from "./conversation-reads.ts";
export * from "./conversations.ts";
export { closeDatabase, type Db, openDatabase } from "./database.ts";
export {
  type FaqEntry,
  insertFaqEntries,
  listFaqEntries,
  type NewFaqEntry,
} from "./faq.ts";
export { createVisitor, findVisitorByTokenHash } from "./visitors.ts";
