import assert from "node:assert/strict";
import { test } from "node:test";
import { hourIn, openingAt } from "./business-hours.ts";

// Tuesday 24 November 2026.
const tuesday = (time: string) => Date.parse(`2026-11-24T${time}:00Z`);
const weekdays = [1, 2, 3, 4, 5].map((day) => ({ day, open: "09:00", close: "17:00" }));

test("no opening hours set means always open", () => {
  assert.deepEqual(openingAt({ timeZone: "UTC", days: [] }, tuesday("03:00")), { open: true });
});

test("open inside a day's hours, closed at the closing minute", () => {
  const hours = { timeZone: "UTC", days: weekdays };
  assert.deepEqual(openingAt(hours, tuesday("09:00")), { open: true });
  assert.deepEqual(openingAt(hours, tuesday("16:59")), { open: true });
  assert.deepEqual(openingAt(hours, tuesday("17:00")), {
    open: false,
    opensAt: Date.parse("2026-11-25T09:00:00Z"),
  });
});

test("before opening the same day, it opens that morning", () => {
  const hours = { timeZone: "UTC", days: weekdays };
  assert.deepEqual(openingAt(hours, tuesday("07:30")), { open: false, opensAt: tuesday("09:00") });
});

test("after Friday's close it opens on Monday", () => {
  const hours = { timeZone: "UTC", days: weekdays };
  const friday = Date.parse("2026-11-27T18:00:00Z");
  assert.deepEqual(openingAt(hours, friday), {
    open: false,
    opensAt: Date.parse("2026-11-30T09:00:00Z"),
  });
});

test("hours are the company's time zone, not the server's", () => {
  // 09:30 in Riga (UTC+2 in November) is 07:30 UTC.
  const hours = { timeZone: "Europe/Riga", days: weekdays };
  assert.deepEqual(openingAt(hours, tuesday("07:30")), { open: true });
  assert.deepEqual(openingAt(hours, tuesday("06:30")), { open: false, opensAt: tuesday("07:00") });
  assert.equal(hourIn("Europe/Riga", tuesday("07:30")), 9);
});

test("a close of 00:00 runs to midnight", () => {
  const hours = { timeZone: "UTC", days: [{ day: 2, open: "18:00", close: "00:00" }] };
  assert.deepEqual(openingAt(hours, tuesday("23:59")), { open: true });
});
