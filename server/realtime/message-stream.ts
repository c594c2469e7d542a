import type { WireMessage } from "../../protocol/index.ts";

/** Reads a conversation's stored messages after a sequence number, as one audience sees them. */
export type ReadAfter = (conversationId: number, afterSeq: number) => Promise<WireMessage[]>;

/**
 * What one connection has been sent of one conversation: every sequence number once, in
 * order. Live messages are pushed in as they are published; one already sent is dropped, and
 * one that arrives ahead of a missed one brings the missed ones from the database first.
 * While a read is pending (the backlog, or missed messages), live messages wait here and go
 * out after it, so a message stored during the read is neither lost nor sent twice.
 */
export class MessageStream {
  /** Live messages not yet sent, by sequence number. */
  private readonly held = new Map<number, WireMessage>();
  private reading = false;

  constructor(
    readonly conversationId: number,
    /** The last sequence number the client has. */
    private sent: number,
    private readonly readAfter: ReadAfter,
    private readonly send: (message: WireMessage) => void,
  ) {}

  /**
   * Reads what the client missed and hands it to `first` as one batch (for the welcome or
   * the transcript frame); live messages follow it, never before.
   */
  async resume(first: (backlog: WireMessage[]) => void): Promise<void> {
    this.reading = true;
    try {
      const backlog = await this.readAfter(this.conversationId, this.sent);
      this.sent = backlog.at(-1)?.seq ?? this.sent;
      first(backlog);
    } finally {
      this.reading = false;
    }
    await this.flush();
  }

  push(message: WireMessage): void {
    if (message.seq <= this.sent) return;
    this.held.set(message.seq, message);
    if (!this.reading) void this.flush();
  }

  private async flush(): Promise<void> {
    this.reading = true;
    try {
      for (this.dropSent(); this.held.size > 0; this.dropSent()) {
        const next = this.held.get(this.sent + 1);
        // Ahead of a gap (a message this connection never heard of, or an internal note the
        // customer does not see): the database says what lies between.
        const batch = next ? [next] : await this.readAfter(this.conversationId, this.sent);
        // Nothing new stored past what was sent: the held ones go out as they are.
        this.deliver(batch.length > 0 ? batch : [...this.held.values()]);
      }
    } catch (error) {
      console.error(
        "reading missed messages failed",
        { conversationId: this.conversationId },
        error,
      );
    } finally {
      this.reading = false;
    }
  }

  private deliver(batch: readonly WireMessage[]): void {
    for (const message of [...batch].sort((a, b) => a.seq - b.seq)) {
      if (message.seq <= this.sent) continue;
      this.send(message);
      this.sent = message.seq;
    }
  }

  private dropSent(): void {
    for (const seq of this.held.keys()) if (seq <= this.sent) this.held.delete(seq);
  }
}
