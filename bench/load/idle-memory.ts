// Memory per idle connection: the server's resident memory before and after this many
// customers connect and say hello, divided by their number.
import { readFile } from "node:fs/promises";
import { setTimeout as sleep } from "node:timers/promises";
import { openMany } from "./frame-socket.ts";
import type { Customer, Target } from "./targets.ts";

const WARM_UP_CONNECTIONS = 200;
const SETTLE_MS = 1_500;

export async function idleMemoryKib(
  start: () => Promise<Target>,
  connections: number,
): Promise<{ kibPerConnection: number; beforeMib: number; afterMib: number }> {
  const target = await start();
  let customers: Customer[] = [];
  try {
    // The first connections load code and grow pools once; they are not what is measured.
    const warm = await openMany(WARM_UP_CONNECTIONS, () => target.customer());
    for (const customer of warm) customer.close();
    await sleep(SETTLE_MS);
    const before = await residentKib(target.pid);
    customers = await openMany(connections, () => target.customer(), 200);
    await sleep(SETTLE_MS);
    const after = await residentKib(target.pid);
    return {
      kibPerConnection: (after - before) / connections,
      beforeMib: before / 1024,
      afterMib: after / 1024,
    };
  } finally {
    for (const customer of customers) customer.close();
    await target.stop();
  }
}

async function residentKib(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  const match = /^VmRSS:\s+(\d+) kB/m.exec(status);
  if (!match?.[1]) throw new Error(`no VmRSS for process ${pid}`);
  return Number(match[1]);
}
