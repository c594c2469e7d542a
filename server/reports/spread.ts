import type { Spread } from "../../protocol/index.ts";

/**
 * Median and 90th percentile of durations in ms, reported in whole seconds (nearest rank: a
 * value someone actually waited, never an average of two).
 */
export function spread(durations: readonly number[]): Spread {
  if (durations.length === 0) return { count: 0, median: null, p90: null };
  const sorted = [...durations].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? 0;
  return {
    count: sorted.length,
    median: Math.round(rank(0.5) / 1000),
    p90: Math.round(rank(0.9) / 1000),
  };
}

/** Values gathered under keys, in the order keys first appear. */
export class Groups<K, V> {
  readonly map = new Map<K, V[]>();

  add(key: K, value: V): void {
    const list = this.map.get(key);
    if (list) list.push(value);
    else this.map.set(key, [value]);
  }

  get(key: K): V[] {
    return this.map.get(key) ?? [];
  }
}
