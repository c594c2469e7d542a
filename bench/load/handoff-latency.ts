// Handoff latency under a steady load: messages leave at a fixed rate whether or not earlier
// ones were answered (so a slow server cannot slow the load down and hide its own delay).
// Every fifth message is a new customer's first message, one that must go to a person; the
// rest come from customers already talking to one.
import { setTimeout as sleep } from "node:timers/promises";
import { spread } from "../stats.ts";
import { openMany } from "./frame-socket.ts";
import type { Customer, Hooks, Target } from "./targets.ts";
import { CHAT_TEXT } from "./throughput.ts";

export const HANDOFF_TEXT = "I was charged twice for my order, please refund the second payment.";
const HANDOFF_EVERY = 5;
const CHATTING_CUSTOMERS = 100;
const DRAIN_MS = 5_000;

export interface LatencyOptions {
  perSecond: number;
  /** The same load before the measured window, so the server is warm (JIT, caches). */
  warmUpMs: number;
  durationMs: number;
}

export interface Latency {
  /** From the message leaving the client to the handoff on the agent's socket. */
  handoff: { p50: number; p99: number; samples: number; missing: number };
  /** From a message leaving the client to its acknowledgement. */
  ack: { p50: number; p99: number; samples: number };
}

export async function handoffLatency(
  start: (hooks: Hooks) => Promise<Target>,
  { perSecond, warmUpMs, durationMs }: LatencyOptions,
): Promise<Latency> {
  const warmUp = Math.floor((perSecond * warmUpMs) / 1000);
  const total = warmUp + Math.floor((perSecond * durationMs) / 1000);
  const handoffs = Math.ceil(total / HANDOFF_EVERY);
  const measured = handoffs - Math.ceil(warmUp / HANDOFF_EVERY);
  const sentAt = new Map<string, number>();
  const handoffMs: number[] = [];
  const ackMs: number[] = [];
  const target = await start({
    handedOff(clientId, at) {
      const sent = clientId.startsWith("h") ? sentAt.get(clientId) : undefined;
      if (sent !== undefined) handoffMs.push(at - sent);
    },
    acked(clientId, at) {
      const sent = clientId.startsWith("c") ? sentAt.get(clientId) : undefined;
      if (sent !== undefined) ackMs.push(at - sent);
    },
  });
  let newcomers: Customer[] = [];
  let chatting: Customer[] = [];
  try {
    chatting = await openMany(CHATTING_CUSTOMERS, () => target.customer({ withPerson: true }));
    newcomers = await openMany(handoffs, () => target.customer());
    const began = performance.now();
    let next = 0;
    while (next < total) {
      const due = Math.min(total, Math.floor(((performance.now() - began) * perSecond) / 1000) + 1);
      for (; next < due; next++) {
        // Only messages after the warm-up carry the prefixes the hooks above record.
        const prefix = next < warmUp ? "w" : "";
        if (next % HANDOFF_EVERY === 0) {
          const clientId = `${prefix}h${next}`;
          sentAt.set(clientId, newcomers[next / HANDOFF_EVERY]?.send(clientId, HANDOFF_TEXT) ?? 0);
        } else {
          const clientId = `${prefix}c${next}`;
          sentAt.set(clientId, chatting[next % CHATTING_CUSTOMERS]?.send(clientId, CHAT_TEXT) ?? 0);
        }
      }
      await sleep(1);
    }
    const drainUntil = performance.now() + DRAIN_MS;
    while (handoffMs.length < measured && performance.now() < drainUntil) await sleep(20);
    return {
      handoff: {
        ...spread(handoffMs),
        samples: handoffMs.length,
        missing: measured - handoffMs.length,
      },
      ack: { ...spread(ackMs), samples: ackMs.length },
    };
  } finally {
    for (const customer of [...chatting, ...newcomers]) customer.close();
    await target.stop();
  }
}
