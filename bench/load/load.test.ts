// The load generator against both targets at a small scale: every message and every handoff
// must arrive, so `npm run bench` cannot quietly measure nothing. No timing is asserted.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { handoffLatency } from "./handoff-latency.ts";
import { chatTarget, echoTarget } from "./targets.ts";
import { throughput } from "./throughput.ts";

describe("the load generator", () => {
  for (const [name, start] of [
    ["ws echo", echoTarget],
    ["chat server", chatTarget],
  ] as const) {
    test(`${name}: messages from many customers reach the far side`, async () => {
      const rate = await throughput(start, { connections: 20, warmUpMs: 200, measureMs: 500 });
      assert.ok(rate > 0, `${name} delivered nothing`);
    });

    test(`${name}: every handoff under a steady load is seen, none missing`, async () => {
      const latency = await handoffLatency(start, {
        perSecond: 100,
        warmUpMs: 200,
        durationMs: 1_000,
      });
      assert.equal(latency.handoff.missing, 0);
      assert.equal(latency.handoff.samples, 20);
    });
  }
});
