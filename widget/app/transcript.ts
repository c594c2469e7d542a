import type { Attachment, WireMessage } from "../../protocol/index.ts";

/** A message the customer wrote that the server has not acknowledged yet. */
export interface PendingMessage {
  clientId: string;
  text: string;
  /** Uploaded already; the message names them. */
  files?: Attachment[];
  at: number;
  /** Set when the server refused it: shown with the reason, never resent. */
  error?: string;
}

/** Adds messages to a transcript ordered by sequence number; a known sequence is kept once. */
export function mergeMessages(
  current: readonly WireMessage[],
  incoming: readonly WireMessage[],
): WireMessage[] {
  const bySeq = new Map(current.map((message) => [message.seq, message]));
  for (const message of incoming) bySeq.set(message.seq, message);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

/** Pending messages the transcript does not hold yet (acknowledged ones drop out). */
export function stillPending(
  outbox: readonly PendingMessage[],
  transcript: readonly WireMessage[],
): PendingMessage[] {
  const stored = new Set(transcript.map((message) => message.clientId));
  return outbox.filter((pending) => !stored.has(pending.clientId));
}
