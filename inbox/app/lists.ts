import type { ConversationSummary } from "../../protocol/index.ts";

export const LISTS = ["mine", "queue", "open", "resolved"] as const;
export type ListName = (typeof LISTS)[number];

/** The queue's order everywhere: the most urgent first, then the one waiting longest. */
function byUrgency(a: ConversationSummary, b: ConversationSummary): number {
  return b.priority - a.priority || (a.queuedAt ?? a.updatedAt) - (b.queuedAt ?? b.updatedAt);
}

/** The conversations one list shows, in its order (resolved ones come from the server). */
export function listed(
  list: ListName,
  conversations: readonly ConversationSummary[],
  myId: number,
  resolved: readonly ConversationSummary[],
): ConversationSummary[] {
  switch (list) {
    case "mine":
      return conversations
        .filter((c) => c.status === "assigned" && c.assigneeId === myId)
        .sort(byUrgency);
    case "queue":
      return conversations.filter((c) => c.status === "queued").sort(byUrgency);
    case "open":
      return conversations
        .filter((c) => c.status === "queued" || c.status === "assigned")
        .sort(byUrgency);
    case "resolved":
      return [...resolved];
    default: {
      const unknown: never = list;
      return unknown;
    }
  }
}

/** A queued conversation waiting longer than the admin's limit is highlighted. */
export function waitingTooLong(c: ConversationSummary, now: number, alertSeconds: number): boolean {
  return (
    c.status === "queued" && c.queuedAt !== undefined && now - c.queuedAt > alertSeconds * 1000
  );
}

/** "45 s", "3 min", "2 h": how long a customer has been waiting. */
export function waited(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min`;
  return `${Math.floor(seconds / 3600)} h`;
}
