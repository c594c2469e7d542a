import assert from "node:assert/strict";
import { test } from "node:test";
import type { BotEpisodeRow } from "../../db/index.ts";
import { botOutcome, STOOD_MS } from "./bot-report.ts";

const start = Date.parse("2026-03-02T09:00:00Z");
const episode = (fields: Partial<BotEpisodeRow>): BotEpisodeRow => ({
  conversationId: 1,
  createdAt: start,
  answers: 1,
  handoffAt: null,
  handoff: null,
  botResolvedAt: null,
  backAt: null,
  language: "en",
  ...fields,
});

test("thanks that stood for a day is the bot's resolution; before the day is up it is open", () => {
  const thanked = episode({ botResolvedAt: start + 60_000 });
  assert.equal(botOutcome(thanked, start + 60_000 + STOOD_MS), "resolved");
  assert.equal(botOutcome(thanked, start + 60_000 + STOOD_MS - 1), "open");
});

test("coming back within the day undoes the thanks: the episode ends as whatever follows", () => {
  const resolvedAt = start + 60_000;
  const back = episode({ botResolvedAt: resolvedAt, backAt: resolvedAt + 3_600_000 });
  assert.equal(botOutcome(back, resolvedAt + 10 * STOOD_MS), "open");
  const toPerson = episode({ botResolvedAt: resolvedAt, handoffAt: resolvedAt + 3_600_000 });
  assert.equal(botOutcome(toPerson, resolvedAt + 10 * STOOD_MS), "handed_off");
  const muchLater = episode({ botResolvedAt: resolvedAt, handoffAt: resolvedAt + 2 * STOOD_MS });
  assert.equal(botOutcome(muchLater, resolvedAt + 10 * STOOD_MS), "resolved", "never both");
});

test("a handoff without thanks is handed off; nothing at all is open", () => {
  assert.equal(botOutcome(episode({ handoffAt: start + 1000 }), start + STOOD_MS), "handed_off");
  assert.equal(botOutcome(episode({}), start + 10 * STOOD_MS), "open");
});
