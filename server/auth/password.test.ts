import assert from "node:assert/strict";
import { test } from "node:test";
import { HashingBusy, hashPassword, verifyPassword } from "./password.ts";

test("a password matches its own hash only", async () => {
  const stored = await hashPassword("correct horse battery");
  assert.equal(await verifyPassword("correct horse battery", stored), true);
  assert.equal(await verifyPassword("correct horse batterY", stored), false);
  assert.equal(await verifyPassword("correct horse battery", "invited"), false);
  assert.equal(await verifyPassword("", ""), false);
});

test("checking against an invitation's placeholder costs a whole hash, as a real one does", async () => {
  const stored = await hashPassword("correct horse battery");
  // Two hashes running and sixteen waiting: the queue is full.
  const queued = Array.from({ length: 18 }, () => verifyPassword("a guess", stored));
  // The placeholder takes its turn in the same queue, so a full one refuses it too; before,
  // it was answered at once without hashing, and the timing told who had an account.
  await assert.rejects(verifyPassword("a guess", "invited"), HashingBusy);
  await Promise.allSettled(queued);
});

test("hashes wait their turn, and beyond the queue the server says it is busy", async () => {
  const stored = await hashPassword("correct horse battery");
  const checks = Array.from({ length: 30 }, () => verifyPassword("a guess", stored));
  const outcomes = await Promise.allSettled(checks);
  const busy = outcomes.filter((o) => o.status === "rejected" && o.reason instanceof HashingBusy);
  const accepted = outcomes.length - busy.length;
  assert.ok(accepted >= 16 && accepted <= 18, `${accepted}: two running and sixteen waiting`);
  assert.ok(outcomes.every((o) => o.status === "fulfilled" || o.reason instanceof HashingBusy));
});
