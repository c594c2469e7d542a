// How long a queued customer will wait, from how long people recently took to pick up similar
// conversations. Never a made-up number: with too little data the answer is "unknown".

export interface Pickup {
  skill: string;
  language: string;
  queuedAt: number;
  pickedAt: number;
}

/** A pickup with the time it took per place in line. */
export interface PaceSample extends Pickup {
  perPlaceMs: number;
}

/** Fewer similar pickups than this, and the next broader group is asked. */
export const MIN_SAMPLES = 5;
const MINUTE = 60_000;

/**
 * Each pickup's wait divided by its places in line: itself plus the conversations of the same
 * skill that were picked up while it waited (those were ahead of it).
 */
export function paceSamples(pickups: readonly Pickup[]): PaceSample[] {
  const bySkill = new Map<string, number[]>();
  for (const pickup of pickups) {
    const times = bySkill.get(pickup.skill) ?? [];
    times.push(pickup.pickedAt);
    bySkill.set(pickup.skill, times);
  }
  for (const times of bySkill.values()) times.sort((a, b) => a - b);
  return pickups.map((pickup) => {
    const times = bySkill.get(pickup.skill) ?? [];
    const ahead = lowerBound(times, pickup.pickedAt) - lowerBound(times, pickup.queuedAt);
    const waited = Math.max(0, pickup.pickedAt - pickup.queuedAt);
    return { ...pickup, perPlaceMs: waited / (Math.max(0, ahead) + 1) };
  });
}

/**
 * The typical time per place in line of conversations like this one, or undefined when there
 * are too few. Similar is tried narrowest first: same skill, language and time of day (within
 * an hour, in the company's time zone), then same skill and language, then same skill.
 */
export function typicalPace(
  samples: readonly PaceSample[],
  waiting: { skill: string; language: string; at: number },
  /** The hour of day (0–23) of a moment, in the company's time zone. */
  hourOf: (at: number) => number,
): number | undefined {
  const hour = hourOf(waiting.at);
  const sameSkill = samples.filter((sample) => sample.skill === waiting.skill);
  const sameLanguage = sameSkill.filter((sample) => sample.language === waiting.language);
  const sameHour = sameLanguage.filter((sample) => hoursApart(hourOf(sample.pickedAt), hour) <= 1);
  const group = [sameHour, sameLanguage, sameSkill].find((tier) => tier.length >= MIN_SAMPLES);
  return group && median(group.map((sample) => sample.perPlaceMs));
}

/** Whole minutes, rounded up; 0 is under a minute; undefined without a pace. */
export function waitMinutes(position: number, paceMs: number | undefined): number | undefined {
  if (paceMs === undefined) return undefined;
  const wait = position * paceMs;
  return wait < MINUTE ? 0 : Math.ceil(wait / MINUTE);
}

function hoursApart(a: number, b: number): number {
  const apart = Math.abs(a - b);
  return Math.min(apart, 24 - apart);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** The index of the first value not below `value` in a sorted list. */
function lowerBound(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((sorted[middle] ?? 0) < value) low = middle + 1;
    else high = middle;
  }
  return low;
}
