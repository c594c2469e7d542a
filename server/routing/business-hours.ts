// Whether the company is open at a moment, and when it opens next, in its own time zone.
import type { WidgetSettings } from "../../protocol/index.ts";

type Hours = WidgetSettings["hours"];
const DAY_MINUTES = 24 * 60;
const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

/** Open now, or when it next opens. No days set means always open. */
export function openingAt(
  hours: Hours,
  at: number,
): { open: true } | { open: false; opensAt?: number } {
  if (hours.days.length === 0) return { open: true };
  const { weekday, minute } = localTime(hours.timeZone, at);
  const isOpen = hours.days.some(
    (span) => span.day === weekday && minutes(span.open) <= minute && minute < end(span.close),
  );
  if (isOpen) return { open: true };
  let wait: number | undefined;
  for (const span of hours.days) {
    const daysAhead = (span.day - weekday + 7) % 7;
    let ahead = daysAhead * DAY_MINUTES + minutes(span.open) - minute;
    if (ahead <= 0) ahead += 7 * DAY_MINUTES;
    if (wait === undefined || ahead < wait) wait = ahead;
  }
  if (wait === undefined) return { open: false };
  // Whole minutes from the start of the current one.
  return { open: false, opensAt: at - (at % 60_000) + wait * 60_000 };
}

/** The hour of day (0–23) at a moment in a time zone. */
export function hourIn(timeZone: string, at: number): number {
  return Math.floor(localTime(timeZone, at).minute / 60);
}

/** Building a formatter costs far more than using one, so each time zone gets one. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function localTime(timeZone: string, at: number): { weekday: number; minute: number } {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      weekday: "short",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    formatters.set(timeZone, formatter);
  }
  const parts = formatter.formatToParts(at);
  const part = (type: string) => parts.find((item) => item.type === type)?.value ?? "";
  return {
    weekday: WEEKDAYS.indexOf(part("weekday")),
    minute: Number(part("hour")) * 60 + Number(part("minute")),
  };
}

function minutes(time: string): number {
  const [hours, mins] = time.split(":").map(Number);
  return (hours ?? 0) * 60 + (mins ?? 0);
}

/** A close of 00:00 means midnight at the end of the day. */
function end(time: string): number {
  return minutes(time) || DAY_MINUTES;
}
