import {
  agentNames,
  answerOutcomes,
  botEpisodes,
  conversationEnds,
  type Db,
  handledByAgent,
  humanEpisodes,
  listFaqEntries,
  listTeam,
  presenceIn,
  ratingsIn,
  resolutionsIn,
} from "../../db/index.ts";
import {
  MAX_REPORT_DAYS,
  type ReportQuery,
  type ReportSection,
  type Reports,
} from "../../protocol/index.ts";
import type { Settings } from "../settings-store.ts";
import { agentsReport } from "./agents-report.ts";
import { botOutcome, botReport } from "./bot-report.ts";
import { type Calendar, calendarFor } from "./calendar.ts";
import { handoffOf } from "./handoff-data.ts";
import { peopleReport } from "./people-report.ts";
import { satisfactionReport } from "./satisfaction-report.ts";

/** Conversations linked from each failing FAQ entry. */
const LINKED = 10;

/**
 * The admin's reports, computed on request from the stored events in the company's time zone
 * (the widget's business hours' zone). Undefined for a period that is backwards or too long.
 */
export function createReports(deps: { db: Db; settings: Settings; now: () => number }) {
  const { db, settings, now } = deps;

  function calendar(query: ReportQuery): Calendar | undefined {
    return calendarFor(query, settings.widget().hours.timeZone, MAX_REPORT_DAYS);
  }

  const sections: { [S in ReportSection]: (calendar: Calendar) => Promise<Reports[S]> } = {
    async bot(calendar) {
      const [episodes, answers, entries] = await Promise.all([
        botEpisodes(db, calendar),
        answerOutcomes(db, calendar, LINKED),
        listFaqEntries(db),
      ]);
      const faqTitles = new Map(entries.map((entry) => [entry.id, entry.title]));
      return botReport({ calendar, episodes, answers, faqTitles, now: now() });
    },
    async people(calendar) {
      const [episodes, names] = await Promise.all([humanEpisodes(db, calendar), agentNames(db)]);
      const targetSeconds = settings.routing().waitAlertSeconds;
      return peopleReport({ calendar, episodes, targetSeconds, agentNames: names, now: now() });
    },
    async satisfaction(calendar) {
      const [ratings, resolutions, names] = await Promise.all([
        ratingsIn(db, calendar),
        resolutionsIn(db, calendar),
        agentNames(db),
      ]);
      return satisfactionReport({ calendar, ratings, resolutions, agentNames: names });
    },
    async agents(calendar) {
      const [team, handled, presence] = await Promise.all([
        listTeam(db),
        handledByAgent(db, calendar),
        presenceIn(db, calendar),
      ]);
      return agentsReport({ calendar, team, handled, presence, now: now() });
    },
  };

  return {
    async section<S extends ReportSection>(
      section: S,
      query: ReportQuery,
    ): Promise<Reports[S] | undefined> {
      const period = calendar(query);
      return period && sections[section](period);
    },

    /** One row per conversation started in the period: times, reasons, outcome, agent, rating. */
    async conversationsCsv(query: ReportQuery): Promise<string | undefined> {
      const period = calendar(query);
      if (!period) return undefined;
      const at = now();
      const [episodes, human, ends] = await Promise.all([
        botEpisodes(db, period),
        humanEpisodes(db, { from: period.from, to: at + 1 }),
        conversationEnds(db, period),
      ]);
      const firstHuman = new Map<number, (typeof human)[number]>();
      for (const episode of human) {
        const known = firstHuman.get(episode.conversationId);
        if (!known || episode.startedAt < known.startedAt) {
          firstHuman.set(episode.conversationId, episode);
        }
      }
      const ended = new Map(ends.map((end) => [end.conversationId, end]));
      const iso = (time: number | null | undefined) =>
        time === null || time === undefined ? "" : new Date(time).toISOString();
      const seconds = (from: number | undefined, to: number | null | undefined) =>
        from === undefined || to === null || to === undefined ? "" : Math.round((to - from) / 1000);
      const rows = episodes
        .sort((a, b) => a.conversationId - b.conversationId)
        .map((episode) => {
          const handoff = handoffOf(episode.handoff);
          const person = firstHuman.get(episode.conversationId);
          const end = ended.get(episode.conversationId);
          return [
            episode.conversationId,
            iso(episode.createdAt),
            handoff?.language ?? episode.language ?? "",
            episode.answers,
            botOutcome(episode, at),
            iso(episode.handoffAt),
            handoff?.reasons.join(" ") ?? "",
            seconds(person?.startedAt, person?.firstReplyAt),
            iso(person?.resolvedAt),
            seconds(person?.startedAt, person?.resolvedAt),
            end?.agentName ?? "",
            end?.score ?? "",
            end?.comment ?? "",
          ];
        });
      // A comment that starts like a formula stays text in a spreadsheet.
      const cast = {
        string: (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value),
      };
      // Loaded when an admin exports, not at every start.
      const { stringify } = await import("csv-stringify/sync");
      return stringify(rows, { header: true, columns: CONVERSATION_COLUMNS, cast });
    },
  };
}

const CONVERSATION_COLUMNS = [
  "conversation",
  "started_at",
  "language",
  "bot_answers",
  "bot_outcome",
  "handed_off_at",
  "reasons",
  "first_reply_seconds",
  "resolved_at",
  "resolution_seconds",
  "agent",
  "rating",
  "comment",
];
