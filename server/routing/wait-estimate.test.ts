import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  MIN_SAMPLES,
  type PaceSample,
  type Pickup,
  paceSamples,
  typicalPace,
  waitMinutes,
} from "./wait-estimate.ts";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** The hour of day in UTC, as if the company sat there. */
const utcHour = (at: number) => new Date(at).getUTCHours();
const at10 = Date.UTC(2026, 10, 24, 10);

/** The wait a customer is shown: their place times the typical pace of similar pickups. */
function estimateWaitMinutes(
  samples: readonly PaceSample[],
  waiting: { position: number; skill: string; language: string; at: number },
  hourOf: (at: number) => number,
): number | undefined {
  return waitMinutes(waiting.position, typicalPace(samples, waiting, hourOf));
}

/** `count` pickups of one kind, one after another, each waiting `waitMs` alone in line. */
function alone(
  count: number,
  waitMs: number,
  change: Partial<Pickup> = {},
  start = at10,
): Pickup[] {
  return Array.from({ length: count }, (_, index) => {
    const queuedAt = start + index * HOUR;
    return { skill: "billing", language: "pl", queuedAt, pickedAt: queuedAt + waitMs, ...change };
  });
}

describe("paceSamples", () => {
  test("a wait counts per place: conversations picked up meanwhile were ahead in line", () => {
    const pickups: Pickup[] = [
      { skill: "billing", language: "en", queuedAt: 0, pickedAt: 2 * MINUTE },
      { skill: "billing", language: "en", queuedAt: 0, pickedAt: 4 * MINUTE },
      { skill: "billing", language: "en", queuedAt: 0, pickedAt: 6 * MINUTE },
      // Another skill's line does not make billing's longer.
      { skill: "security", language: "en", queuedAt: 0, pickedAt: 3 * MINUTE },
    ];
    const paces = paceSamples(pickups).map((sample) => sample.perPlaceMs);
    assert.deepEqual(paces, [2 * MINUTE, 2 * MINUTE, 2 * MINUTE, 3 * MINUTE]);
  });
});

describe("typicalPace and waitMinutes", () => {
  const waiting = { position: 1, skill: "billing", language: "pl", at: at10 + 24 * HOUR };

  test("too few similar pickups give no number (the widget says 'a few minutes')", () => {
    const samples = paceSamples(alone(MIN_SAMPLES - 1, 3 * MINUTE));
    assert.equal(estimateWaitMinutes(samples, waiting, utcHour), undefined);
    assert.equal(estimateWaitMinutes([], waiting, utcHour), undefined);
  });

  test("the typical pace times the place in line, rounded up to whole minutes", () => {
    const samples = paceSamples(alone(7, 3 * MINUTE + 10_000));
    assert.equal(estimateWaitMinutes(samples, waiting, utcHour), 4);
    assert.equal(estimateWaitMinutes(samples, { ...waiting, position: 3 }, utcHour), 10);
  });

  test("under a minute is 0, not 'about 1 minute'", () => {
    const samples = paceSamples(alone(6, 20_000));
    assert.equal(estimateWaitMinutes(samples, waiting, utcHour), 0);
  });

  test("the median: one long wait does not swing the estimate", () => {
    const samples = paceSamples([
      ...alone(6, 2 * MINUTE),
      ...alone(1, 90 * MINUTE, {}, at10 + 7 * HOUR),
    ]);
    assert.equal(estimateWaitMinutes(samples, waiting, utcHour), 2);
  });

  test("this time of day wins when it has enough data", () => {
    // Mornings are quick, evenings slow; a 10:30 customer gets the morning figure.
    const mornings = Array.from({ length: 5 }, (_, day) =>
      alone(1, MINUTE, {}, at10 + day * 24 * HOUR),
    ).flat();
    const evenings = Array.from({ length: 8 }, (_, day) =>
      alone(1, 20 * MINUTE, {}, at10 + 9 * HOUR + day * 24 * HOUR),
    ).flat();
    const samples = paceSamples([...mornings, ...evenings]);
    assert.equal(estimateWaitMinutes(samples, { ...waiting, at: at10 + 30 * MINUTE }, utcHour), 1);
    // At 04:00 nobody has data for the hour: same skill and language, all day (median 20).
    assert.equal(estimateWaitMinutes(samples, { ...waiting, at: at10 - 6 * HOUR }, utcHour), 20);
  });

  test("another language of the same skill is used only when the language has too little", () => {
    const polish = alone(5, 2 * MINUTE);
    const swedish = alone(6, 9 * MINUTE, { language: "sv" }, at10 + 200 * HOUR);
    const samples = paceSamples([...polish, ...swedish]);
    assert.equal(estimateWaitMinutes(samples, waiting, utcHour), 2);
    assert.equal(estimateWaitMinutes(samples, { ...waiting, language: "lv" }, utcHour), 9);
  });

  test("another skill's pickups never stand in", () => {
    const samples = paceSamples(alone(10, MINUTE, { skill: "security" }));
    assert.equal(estimateWaitMinutes(samples, waiting, utcHour), undefined);
  });
});
