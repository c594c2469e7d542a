export { hourIn, openingAt } from "./business-hours.ts";
export {
  type AgentLoad,
  type Assignment,
  anyoneFree,
  pickAgent,
  planAssignments,
  skillFor,
  type Waiting,
} from "./route.ts";
export {
  type PaceSample,
  paceSamples,
  typicalPace,
  waitMinutes,
} from "./wait-estimate.ts";
