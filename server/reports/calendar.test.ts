import assert from "node:assert/strict";
import { test } from "node:test";
import { calendarFor } from "./calendar.ts";

test("days begin at the company's midnight, and the day the clocks change has 23 hours", () => {
  const calendar = calendarFor(
    { from: "2026-03-28", to: "2026-03-30", group: "day" },
    "Europe/Warsaw",
    366,
  );
  assert.ok(calendar);
  assert.equal(calendar.from, Date.parse("2026-03-27T23:00:00Z"));
  assert.equal(calendar.to, Date.parse("2026-03-30T22:00:00Z"));
  assert.deepEqual(calendar.period.buckets, ["2026-03-28", "2026-03-29", "2026-03-30"]);
  assert.equal(calendar.bucketOf(Date.parse("2026-03-28T22:59:59Z")), 0);
  assert.equal(calendar.bucketOf(Date.parse("2026-03-28T23:00:00Z")), 1);
  // Summer time from Sunday 02:00: Monday starts at 22:00 UTC, not 23:00.
  assert.equal(calendar.bucketOf(Date.parse("2026-03-29T22:00:00Z")), 2);
  assert.equal(calendar.bucketOf(Date.parse("2026-03-30T22:00:00Z")), -1);
  assert.deepEqual(calendar.localTime(Date.parse("2026-03-30T07:30:00Z")), {
    weekday: 0,
    hour: 9,
  });
});

test("weeks start on Monday; the first group starts on the first day asked for", () => {
  const calendar = calendarFor({ from: "2026-03-04", to: "2026-03-17", group: "week" }, "UTC", 366);
  assert.deepEqual(calendar?.period.buckets, ["2026-03-04", "2026-03-09", "2026-03-16"]);
  assert.equal(calendar?.bucketOf(Date.parse("2026-03-08T23:59:00Z")), 0);
  assert.equal(calendar?.bucketOf(Date.parse("2026-03-15T12:00:00Z")), 1);
});

test("a period that runs backwards or is longer than allowed has no calendar", () => {
  assert.equal(
    calendarFor({ from: "2026-03-04", to: "2026-03-03", group: "day" }, "UTC", 366),
    undefined,
  );
  assert.equal(
    calendarFor({ from: "2025-01-01", to: "2026-01-01", group: "day" }, "UTC", 365),
    undefined,
  );
  assert.ok(calendarFor({ from: "2025-01-01", to: "2025-12-31", group: "day" }, "UTC", 365));
});
