// Messages per second with many customers at once, each sending its next message as soon as
// the last one is acknowledged. Counted where the message reaches a person's socket.
import { setTimeout as sleep } from "node:timers/promises";
import { openMany } from "./frame-socket.ts";
import type { Customer, Hooks, Target } from "./targets.ts";

export interface ThroughputOptions {
  connections: number;
  warmUpMs: number;
  measureMs: number;
  /** Told when the measured window opens (true) and closes (false), to read costs over it. */
  window?: (open: boolean) => void;
}

export const CHAT_TEXT = "Any news on my order? It was meant to arrive on Tuesday.";

export async function throughput(
  start: (hooks: Hooks) => Promise<Target>,
  { connections, warmUpMs, measureMs, window }: ThroughputOptions,
): Promise<number> {
  let sending = false;
  let counting = false;
  let delivered = 0;
  const sent = new Array<number>(connections).fill(0);
  let customers: Customer[] = [];
  const sendNext = (index: number) => {
    const customer = customers[index];
    if (!sending || !customer) return;
    sent[index] = (sent[index] ?? 0) + 1;
    customer.send(`${index}:${sent[index]}`, CHAT_TEXT);
  };
  const target = await start({
    acked: (clientId) => sendNext(Number(clientId.slice(0, clientId.indexOf(":")))),
    delivered: () => {
      if (counting) delivered++;
    },
  });
  try {
    customers = await openMany(connections, () => target.customer({ withPerson: true }));
    sending = true;
    for (let index = 0; index < connections; index++) sendNext(index);
    await sleep(warmUpMs);
    counting = true;
    window?.(true);
    await sleep(measureMs);
    window?.(false);
    counting = false;
    sending = false;
    // Let the last messages in flight finish before the sockets close.
    await sleep(200);
    return delivered / (measureMs / 1000);
  } finally {
    for (const customer of customers) customer.close();
    await target.stop();
  }
}
