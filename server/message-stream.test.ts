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
const stored = [1, 2, 3, 4, 5, 6].map(message);
const readAfter = (_conversation: number, afterSeq: number) =>
  stored.filter((item) => item.seq > afterSeq);
const seqs = (messages: WireMessage[]) => messages.map((item) => item.seq);

test("a resume sends what the client missed, then live messages once each, in order", () => {
  const { stream, backlog } = MessageStream.resume(7, 2, readAfter);
  assert.deepEqual(seqs(backlog), [3, 4, 5, 6]);
  // Published after the snapshot was read: already in the backlog, so dropped at the seam.
  assert.deepEqual(seqs(stream.next(message(5))), []);
  assert.deepEqual(seqs(stream.next(message(6))), []);
  stored.push(message(7));
  assert.deepEqual(seqs(stream.next(message(7))), [7]);
  assert.deepEqual(seqs(stream.next(message(7))), []);
});

test("a live message that overtakes an earlier one brings the missed one from storage first", () => {
  const stream = new MessageStream(7, 1, readAfter);
  assert.deepEqual(seqs(stream.next(message(4))), [2, 3, 4, 5, 6, 7]);
  assert.deepEqual(seqs(stream.next(message(2))), []);
});
