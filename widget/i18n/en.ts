// Every text the customer sees. Other languages follow this table's keys.
export const en = {
  openChat: "Open chat",
  closeChat: "Close chat",
  title: "Chat with us",
  withBot: "Our assistant answers simple questions. A person is one click away.",
  queued: "A person from our team is joining. You can keep writing.",
  assigned: "You are chatting with {name}.",
  resolved: "This conversation is resolved. Write again any time.",
  offline: "Reconnecting… your messages are kept and sent when the connection is back.",
  messages: "Messages",
  message: "Message",
  send: "Send",
  talkToPerson: "Talk to a person",
  personComing: "A person is on the way",
  you: "You",
  automatic: "Automatic answer",
  fromFaq: "From our FAQ: {title}",
  sending: "Sending…",
  sent: "Sent",
  read: "Read",
  agentTyping: "Typing…",
  notSent: "Not sent: {reason}",
  dismiss: "Dismiss",
  team: "Team",
  eventHandoff: "A person from our team is joining this conversation.",
  eventJoined: "{name} joined the conversation.",
  eventTransferred: "Your conversation was passed to a colleague who can help.",
  eventResolved: "This conversation was marked as resolved.",
  eventReopened: "The conversation was reopened.",
  empty:
    "Ask us anything. Routine questions get an instant answer; everything else goes to a person.",
} as const;

/** Fills `{name}` style placeholders. */
export function format(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}
