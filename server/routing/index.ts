export {
  type AgentLoad,
  type Assignment,
  pickAgent,
  planAssignments,
  queueOrder,
  skillFor,
  type Waiting,
} from "./route.ts";
