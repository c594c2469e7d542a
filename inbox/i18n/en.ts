// Every text an agent sees. Other languages follow this table's keys.
export const en = {
  appName: "Inbox",
  signInTitle: "Sign in to the inbox",
  email: "Email",
  password: "Password",
  signIn: "Sign in",
  signingIn: "Signing in…",
  signOut: "Sign out",
  signInFailed: "Could not sign in: {reason}",
  reconnecting: "Reconnecting…",
  waiting: "Waiting",
  mine: "Mine",
  others: "With other agents",
  none: "Nothing here.",
  conversations: "Conversations",
  pickOne: "Pick a conversation on the left.",
  conversation: "Conversation {id}",
  handoff: "Handoff",
  handoffReason: "Handed over: {reasons}",
  transcript: "Transcript",
  claim: "Claim",
  resolve: "Resolve",
  reply: "Reply",
  send: "Send",
  customer: "Customer",
  bot: "Bot (automatic)",
  fromFaq: "FAQ: {title}",
  assignedTo: "Assigned to {name}",
  claimToReply: "Claim this conversation to reply.",
  noMessage: "(no message yet)",
  status_bot: "With the bot",
  status_queued: "Waiting",
  status_assigned: "Assigned",
  status_resolved: "Resolved",
  reason_emotional: "Emotional",
  reason_financial: "Financial",
  reason_complex: "Complex",
  reason_special_request: "Special request",
  reason_sensitive: "Sensitive",
  reason_human_request: "Asked for a person",
  reason_unsure: "Bot unsure",
} as const;

export type Strings = Record<keyof typeof en, string>;

export function format(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}
