import { ROLE_CHANGED_CLOSE, SESSION_ENDED_CLOSE } from "../protocol/index.ts";

/**
 * Why an agent's open inbox connections must end now. `tokenHash` names one session (signing
 * out); without it every session of the agent ends.
 */
export interface AccessEnded {
  agentId: number;
  tokenHash?: string;
  why: EndReason;
}

export type EndReason =
  | "signed_out"
  | "revoked"
  | "deactivated"
  | "password_changed"
  | "expired"
  | "ended"
  | "role_changed";

const SAID: Record<EndReason, string> = {
  signed_out: "You signed out.",
  revoked: "An admin ended your sessions. Sign in again.",
  deactivated: "Your account was deactivated.",
  password_changed: "Your password was changed. Sign in again.",
  expired: "Your session expired. Sign in again.",
  ended: "Your session ended. Sign in again.",
  role_changed: "Your role changed.",
};

/** The close code and reason an ended connection gets, for the inbox to explain. */
export function closeFor(why: EndReason): { code: number; reason: string } {
  const code = why === "role_changed" ? ROLE_CHANGED_CLOSE : SESSION_ENDED_CLOSE;
  return { code, reason: SAID[why] };
}

export const accessTopic = (agentId: number) => `access:${agentId}`;
