import { readdirSync, readFileSync } from "node:fs";

/** Clock ticks per second on Linux, the unit of /proc/<pid>/stat's CPU times. */
const TICKS_PER_SECOND = 100;

/**
 * CPU time, in ms, that a process and its live children (PostgreSQL's backends) have used so
 * far, from /proc. Read before and after a run: the difference is what the run cost it.
 */
export function cpuMs(pid: number): number {
  let ticks = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = statOf(entry);
    if (stat && (Number(entry) === pid || stat.parent === pid)) ticks += stat.ticks;
  }
  return (ticks * 1000) / TICKS_PER_SECOND;
}

function statOf(pid: string): { parent: number; ticks: number } | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name, which is in parentheses and may hold spaces.
    const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
    return { parent: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    // The process ended while the list was read.
    return undefined;
  }
}
