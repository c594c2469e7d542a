import type { ConversationStatus, HandoffReason } from "../../protocol/index.ts";
import { en } from "../i18n/en.ts";

export function reasonLabel(reason: HandoffReason): string {
  return en[`reason_${reason}`];
}

export function statusLabel(status: ConversationStatus): string {
  return en[`status_${status}`];
}
