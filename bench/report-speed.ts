// How long each report takes on a year of data (bench/report-data.ts): the median of a few
// runs of each section over the last 30, 90 and 365 days, on SQLite and on PostgreSQL.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { closeDatabase, openDatabase } from "../db/index.ts";
import { rawRows } from "../db/raw-sql.ts";
import { createDatabase, startPostgres } from "../local-services/postgres.ts";
import { REPORT_SECTIONS, type ReportSection } from "../protocol/index.ts";
import { createReports } from "../server/reports/index.ts";
import { loadSettings } from "../server/settings-store.ts";
import { generateYear } from "./report-data.ts";
import { median } from "./stats.ts";

const RUNS = 5;
const PERIODS = [30, 90, 365];
const END = Date.parse("2026-12-01T00:00:00Z");

export interface ReportTimes {
  engine: string;
  conversations: number;
  messages: number;
  generateSeconds: number;
  /** Median ms per section and period length in days; "csv" is the per-conversation export. */
  ms: Record<ReportSection | "csv", Record<number, number>>;
  /** The baseline: counting the period's events, the least any report of it reads. */
  baselineMs: Record<number, number>;
}

/** A year of data on SQLite, then on a throwaway PostgreSQL. */
export async function reportFigures(
  conversations: number,
  progress: (line: string) => void,
): Promise<ReportTimes[]> {
  const sqlite = await reportSpeed(undefined, conversations, progress);
  const postgres = await startPostgres();
  try {
    const url = await createDatabase(postgres.url, "bench_reports");
    return [sqlite, await reportSpeed(url, conversations, progress)];
  } finally {
    await postgres.stop();
  }
}

/** `location`: a postgres:// URL of an empty database, or undefined for a new SQLite file. */
export async function reportSpeed(
  location: string | undefined,
  conversations: number,
  progress: (line: string) => void,
): Promise<ReportTimes> {
  const dir = await mkdtemp(join(tmpdir(), "hfc-reports-"));
  const db = await openDatabase(location ?? join(dir, "chat.sqlite"));
  try {
    const began = performance.now();
    progress(`${db.engine}: writing a year of ${conversations} conversations`);
    const messages = await generateYear(db, { conversations, end: END });
    const generateSeconds = (performance.now() - began) / 1000;
    const settings = await loadSettings(db);
    const reports = createReports({ db, settings, now: () => END });
    const timed = async (run: () => Promise<unknown>) => {
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const start = performance.now();
        await run();
        times.push(performance.now() - start);
      }
      return Math.round(median(times));
    };
    const baselineMs: Record<number, number> = {};
    for (const days of PERIODS) {
      const from = END - days * 86_400_000;
      baselineMs[days] = await timed(() =>
        rawRows(
          db,
          sql`select count(*) from conversation_events where at >= ${from} and at < ${END}`,
        ),
      );
    }
    const ms = {} as ReportTimes["ms"];
    for (const section of [...REPORT_SECTIONS, "csv"] as const) {
      ms[section] = {};
      for (const days of PERIODS) {
        const query = {
          from: new Date(END - days * 86_400_000).toISOString().slice(0, 10),
          to: new Date(END - 86_400_000).toISOString().slice(0, 10),
          group: days > 90 ? ("week" as const) : ("day" as const),
        };
        ms[section][days] = await timed(() =>
          section === "csv" ? reports.conversationsCsv(query) : reports.section(section, query),
        );
      }
      progress(`${db.engine}: ${section} ${JSON.stringify(ms[section])} ms`);
    }
    return { engine: db.engine, conversations, messages, generateSeconds, ms, baselineMs };
  } finally {
    await closeDatabase(db);
    await rm(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const count = Number(process.argv[2] ?? 100_000);
  console.log(JSON.stringify(await reportFigures(count, (line) => console.error(line))));
}
