import type { ReportPeriod, ReportQuery } from "../../protocol/index.ts";

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/**
 * The company's calendar for one report: where its days begin in its time zone (a day of a
 * clock change has 23 or 25 hours), which group a moment falls in, and its weekday and hour.
 */
export interface Calendar {
  period: ReportPeriod;
  /** [from, to) in ms since the epoch: midnight of the first day to midnight after the last. */
  from: number;
  to: number;
  /** The index of the group `at` falls in, or -1 outside the period. */
  bucketOf(at: number): number;
  /** Weekday (0 Monday … 6 Sunday) and hour in the company's time zone. */
  localTime(at: number): { weekday: number; hour: number };
}

/** Undefined when the period is backwards or longer than `maxDays`. */
export function calendarFor(
  query: ReportQuery,
  timeZone: string,
  maxDays: number,
): Calendar | undefined {
  const first = dayNumber(query.from);
  const last = dayNumber(query.to);
  if (last < first || last - first + 1 > maxDays) return undefined;
  const offsets = offsetReader(timeZone);
  const midnight = (day: number) => localToUtc(day * DAY_MS, offsets);
  const starts: number[] = [];
  const buckets: string[] = [];
  for (let day = first; day <= last; day++) {
    // A week starts on Monday (1970-01-01, day 0, was a Thursday).
    if (query.group === "day" || day === first || weekday(day) === 0) {
      starts.push(midnight(day));
      buckets.push(dayLabel(day));
    }
  }
  const from = starts[0] ?? midnight(first);
  const to = midnight(last + 1);
  return {
    period: { from: query.from, to: query.to, group: query.group, timeZone, buckets },
    from,
    to,
    bucketOf(at) {
      if (at < from || at >= to) return -1;
      let low = 0;
      let high = starts.length - 1;
      while (low < high) {
        const middle = (low + high + 1) >> 1;
        if ((starts[middle] ?? 0) <= at) low = middle;
        else high = middle - 1;
      }
      return low;
    },
    localTime(at) {
      const local = at + offsets(at);
      return {
        weekday: weekday(Math.floor(local / DAY_MS)),
        hour: Math.floor((local % DAY_MS) / HOUR_MS),
      };
    },
  };
}

/** Days since 1970-01-01 of a YYYY-MM-DD. */
function dayNumber(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

function dayLabel(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

function weekday(day: number): number {
  return (day + 3) % 7;
}

/** The zone's offset from UTC at a moment, in ms; cached per hour (zones change on the hour). */
function offsetReader(timeZone: string): (at: number) => number {
  const format = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
  });
  const cache = new Map<number, number>();
  return (at) => {
    const hour = Math.floor(at / HOUR_MS);
    let offset = cache.get(hour);
    if (offset === undefined) {
      const parts: Record<string, number> = {};
      for (const part of format.formatToParts(hour * HOUR_MS))
        parts[part.type] = Number(part.value);
      const { year = 0, month = 1, day = 1, hour: h = 0, minute = 0, second = 0 } = parts;
      offset = Date.UTC(year, month - 1, day, h, minute, second) - hour * HOUR_MS;
      cache.set(hour, offset);
    }
    return offset;
  };
}

/** The moment a local wall-clock time (given as if it were UTC) happens in the zone. */
function localToUtc(local: number, offsets: (at: number) => number): number {
  const guess = local - offsets(local);
  return local - offsets(guess);
}
