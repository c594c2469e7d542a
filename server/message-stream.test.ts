import assert from "node:assert/strict";
import { test } from "node:test";
import type { WireMessage } from "../protocol/index.ts";
import { MessageStream } from "./realtime/message-stream.ts";

const message = (seq: number): WireMessage => ({
  seq,
  author: "customer",
  text: `m${seq}`,
  at: seq,
});
const seqs = (messages: readonly WireMessage[]) => messages.map((item) => item.seq);

/** A store whose reads finish only when the test says so: the gap a real query leaves. */
function deferredStore(initial: number[]) {
  const stored = initial.map(message);
  const pending: (() => void)[] = [];
  return {
    stored,
    reads: 0,
    readAfter(_conversation: number, afterSeq: number): Promise<WireMessage[]> {
      this.reads++;
      return new Promise((resolve) => {
        // The rows are read when the read finishes, as a query sees the database then.
        pending.push(() => resolve(stored.filter((item) => item.seq > afterSeq)));
      });
    },
    /** Lets every read started so far finish. */
    async finishReads(): Promise<void> {
      for (const finish of pending.splice(0)) finish();
      await new Promise((resolve) => setImmediate(resolve));
    },
  };
}

function collect() {
  const sent: WireMessage[] = [];
  return { sent, send: (item: WireMessage) => sent.push(item) };
}

test("a live message during the backlog read is neither lost nor repeated", async () => {
  const store = deferredStore([1, 2, 3]);
  const live = collect();
  let backlog: WireMessage[] | undefined;
  const stream = new MessageStream(7, 1, (c, a) => store.readAfter(c, a), live.send);
  const resumed = stream.resume((messages) => {
    backlog = messages;
  });
  // Stored and published while the backlog read is pending: one the read will see (4) and
  // one it will not (5), each pushed before the read returns.
  store.stored.push(message(4));
  stream.push(message(4));
  await store.finishReads();
  store.stored.push(message(5));
  stream.push(message(5));
  await resumed;
  await store.finishReads();
  assert.deepEqual(seqs(backlog ?? []), [2, 3, 4]);
  assert.deepEqual(seqs(live.sent), [5], "4 went out in the backlog, 5 after it, once each");
});

test("nothing live goes out before the backlog", async () => {
  const store = deferredStore([1, 2]);
  const order: string[] = [];
  const stream = new MessageStream(
    7,
    0,
    (c, a) => store.readAfter(c, a),
    (item) => order.push(`live ${item.seq}`),
  );
  const resumed = stream.resume((messages) => order.push(`backlog ${seqs(messages).join(",")}`));
  store.stored.push(message(3));
  stream.push(message(3));
  assert.deepEqual(order, [], "held while the read is pending");
  await store.finishReads();
  await resumed;
  assert.deepEqual(order, ["backlog 1,2,3"]);
});

test("live messages are sent once each, in order, after the backlog", async () => {
  const store = deferredStore([1, 2, 3, 4, 5, 6]);
  const live = collect();
  const stream = new MessageStream(7, 2, (c, a) => store.readAfter(c, a), live.send);
  let backlog: WireMessage[] = [];
  const resumed = stream.resume((messages) => {
    backlog = messages;
  });
  await store.finishReads();
  await resumed;
  assert.deepEqual(seqs(backlog), [3, 4, 5, 6]);
  // Published after the backlog was read: already in it, so dropped at the seam.
  stream.push(message(5));
  stream.push(message(6));
  store.stored.push(message(7));
  stream.push(message(7));
  stream.push(message(7));
  assert.deepEqual(seqs(live.sent), [7]);
  assert.equal(store.reads, 1, "the next message in line needs no read");
});

test("a live message that overtakes earlier ones brings them from storage first", async () => {
  const store = deferredStore([1, 2, 3, 4]);
  const live = collect();
  const stream = new MessageStream(7, 1, (c, a) => store.readAfter(c, a), live.send);
  stream.push(message(4));
  // Arrives while the missed ones are being read: waits for them.
  store.stored.push(message(5));
  stream.push(message(5));
  assert.deepEqual(seqs(live.sent), []);
  await store.finishReads();
  assert.deepEqual(seqs(live.sent), [2, 3, 4, 5]);
  stream.push(message(2));
  assert.deepEqual(seqs(live.sent), [2, 3, 4, 5]);
});
