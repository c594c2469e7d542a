// Who gets a handoff: pure decisions over the queue and the team, no I/O and no clock.
import type { HandoffReason, Presence } from "../../protocol/index.ts";

export interface Waiting {
  conversationId: number;
  priority: number;
  /** The skill group it is routed to. */
  skill: string;
  /** ISO 639-1, or "und" when unknown. */
  language: string;
  queuedAt: number;
}

export interface AgentLoad {
  id: number;
  presence: Presence;
  skills: readonly string[];
  languages: readonly string[];
  capacity: number;
  /** Conversations assigned to them now. */
  assigned: number;
}

export interface Assignment {
  conversationId: number;
  agentId: number;
}

/** The queue's order: the most urgent first, then the one waiting longest. */
export function queueOrder(a: Waiting, b: Waiting): number {
  return b.priority - a.priority || a.queuedAt - b.queuedAt || a.conversationId - b.conversationId;
}

/**
 * The skill group for a handoff's reasons (strongest first): the first reason that maps to a
 * specialist group wins, so "upset about a double charge" goes to billing, not to general.
 */
export function skillFor(
  reasons: readonly { reason: HandoffReason }[],
  reasonSkills: Readonly<Record<HandoffReason, string>>,
  generalSkill: string,
): string {
  for (const { reason } of reasons) {
    const skill = reasonSkills[reason];
    if (skill !== generalSkill) return skill;
  }
  return generalSkill;
}

/**
 * The agent who should take this conversation now, or undefined when it must wait.
 * Among online agents (not away), those with the skill are the candidates; when nobody with the
 * skill is online, every online agent is. Among candidates, those who speak the customer's
 * language are preferred whenever one of them is online. The least busy of them with free
 * capacity gets it; when they are all full, the conversation waits for one of them.
 */
export function pickAgent(waiting: Waiting, team: readonly AgentLoad[]): number | undefined {
  const online = team.filter((agent) => agent.presence === "online");
  const skilled = online.filter((agent) => agent.skills.includes(waiting.skill));
  const candidates = skilled.length > 0 ? skilled : online;
  const speakers = candidates.filter((agent) => agent.languages.includes(waiting.language));
  const pool = speakers.length > 0 ? speakers : candidates;
  let best: AgentLoad | undefined;
  for (const agent of pool) {
    if (agent.assigned >= agent.capacity) continue;
    if (!best || lessBusy(agent, best)) best = agent;
  }
  return best?.id;
}

/** Whether anyone could take a conversation now: the router need not read the queue otherwise. */
export function anyoneFree(team: readonly AgentLoad[]): boolean {
  return team.some((agent) => agent.presence === "online" && agent.assigned < agent.capacity);
}

/** Assigns the queue in order, each assignment counting against the agent's capacity. */
export function planAssignments(
  queue: readonly Waiting[],
  team: readonly AgentLoad[],
): Assignment[] {
  const loads = team.map((agent) => ({ ...agent }));
  const plan: Assignment[] = [];
  for (const waiting of [...queue].sort(queueOrder)) {
    const agentId = pickAgent(waiting, loads);
    if (agentId === undefined) continue;
    const agent = loads.find((candidate) => candidate.id === agentId);
    if (agent) agent.assigned += 1;
    plan.push({ conversationId: waiting.conversationId, agentId });
  }
  return plan;
}

/** Fewer open conversations first; then the larger share of capacity left; then the lower id. */
function lessBusy(a: AgentLoad, b: AgentLoad): boolean {
  if (a.assigned !== b.assigned) return a.assigned < b.assigned;
  const shareA = a.assigned / a.capacity;
  const shareB = b.assigned / b.capacity;
  if (shareA !== shareB) return shareA < shareB;
  return a.id < b.id;
}
