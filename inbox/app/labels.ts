import { type ConversationStatus, format, type HandoffReason } from "../../protocol/index.ts";
import { en } from "../i18n/en.ts";

export function reasonLabel(reason: HandoffReason): string {
  return en[`reason_${reason}`];
}

export function statusLabel(status: ConversationStatus): string {
  return en[`status_${status}`];
}

/** The customer as the agent knows them: "Ada · ada@example.com", or "Anonymous visitor #7". */
export function customerLabel(
  known: { name?: string | undefined; email?: string | undefined } | undefined,
  visitorId: number,
): string {
  const parts = [known?.name, known?.email].filter(Boolean);
  return parts.length > 0 ? parts.join(" · ") : format(en.anonymous, { id: String(visitorId) });
}
