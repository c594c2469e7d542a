export {
  type AgentLoad,
  type Assignment,
  pickAgent,
  planAssignments,
  skillFor,
  type Waiting,
} from "./route.ts";
