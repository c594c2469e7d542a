export {
  type AgentLoad,
  type Assignment,
  anyoneFree,
  pickAgent,
  planAssignments,
  skillFor,
  type Waiting,
} from "./route.ts";
