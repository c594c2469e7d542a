export {
  type AgentLoad,
  anyoneFree,
  type Assignment,
  pickAgent,
  planAssignments,
  skillFor,
  type Waiting,
} from "./route.ts";
