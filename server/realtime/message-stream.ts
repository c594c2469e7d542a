import type { WireMessage } from "../../protocol/index.ts";

/** Reads a conversation's stored messages after a sequence number, synchronously. */
export type ReadAfter = (conversationId: number, afterSeq: number) => WireMessage[];

/**
 * What one connection has been sent of one conversation. Live messages pass through `next`:
 * one already sent is dropped, and one that arrives ahead of a missed one brings the missed
 * ones from the database first, so the client sees every sequence number once, in order.
 */
export class MessageStream {
  constructor(
    readonly conversationId: number,
    private sent: number,
    private readonly readAfter: ReadAfter,
  ) {}

  /** The backlog after the client's last sequence number; live messages follow it. */
  static resume(conversationId: number, afterSeq: number, readAfter: ReadAfter) {
    const backlog = readAfter(conversationId, afterSeq);
    const stream = new MessageStream(conversationId, backlog.at(-1)?.seq ?? afterSeq, readAfter);
    return { stream, backlog };
  }

  next(message: WireMessage): WireMessage[] {
    if (message.seq <= this.sent) return [];
    const batch =
      message.seq === this.sent + 1 ? [message] : this.readAfter(this.conversationId, this.sent);
    this.sent = batch.at(-1)?.seq ?? this.sent;
    return batch;
  }
}
