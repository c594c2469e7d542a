import { useEffect, useMemo, useState } from "preact/hooks";
import {
  type AgentsReport,
  type BotReport,
  format,
  type PeopleReport,
  type ReportQuery,
  type SatisfactionReport,
} from "../../../protocol/index.ts";
import { en } from "../../i18n/en.ts";
import { attempt, call } from "../api.ts";
import { DataTable } from "./data-table.tsx";
import { agentsTable, botTables, peopleTables, satisfactionTables } from "./report-tables.ts";
import { TimeChart } from "./time-chart.tsx";

const PRESETS = [7, 30, 90] as const;
/** The columns each chart draws from its table. */
const BOT_LINES = [1, 2, 3];
const REPLY_LINES = [2, 3];

interface Loaded {
  query: ReportQuery;
  bot: BotReport;
  people: PeopleReport;
  satisfaction: SatisfactionReport;
  agents: AgentsReport;
}

/** The admin's reports over a period: the bot, the people, satisfaction and the agents. */
export default function ReportsScreen({ onOpen }: { onOpen: (conversationId: number) => void }) {
  const [query, setQuery] = useState<ReportQuery>(() => lastDays(30, "day"));
  const [preset, setPreset] = useState<string>("30");
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    setLoading(true);
    const search = new URLSearchParams(query).toString();
    const get = <T,>(section: string) => call<T>("GET", `/api/admin/reports/${section}?${search}`);
    void attempt(async () => {
      const [bot, people, satisfaction, agents] = await Promise.all([
        get<BotReport>("bot"),
        get<PeopleReport>("people"),
        get<SatisfactionReport>("satisfaction"),
        get<AgentsReport>("agents"),
      ]);
      setLoaded({ query, bot, people, satisfaction, agents });
    }).then((failed) => {
      setError(failed);
      setLoading(false);
    });
  }, [query]);

  return (
    <main class="admin reports">
      <h1>{en.reportsTitle}</h1>
      <form
        class="report-period"
        aria-label={en.reportPeriod}
        onSubmit={(event) => {
          event.preventDefault();
          const data = new FormData(event.currentTarget);
          const group = data.get("group") === "week" ? "week" : "day";
          setQuery({ from: String(data.get("from")), to: String(data.get("to")), group });
        }}
      >
        <label>
          {en.reportPeriod}
          <select
            value={preset}
            onChange={(event) => {
              const value = event.currentTarget.value;
              setPreset(value);
              if (value !== "custom") setQuery(lastDays(Number(value), query.group));
            }}
          >
            {PRESETS.map((days) => (
              <option key={days} value={String(days)}>
                {en[`period_${days}`]}
              </option>
            ))}
            <option value="custom">{en.period_custom}</option>
          </select>
        </label>
        <label>
          {en.reportFrom}
          <input
            name="from"
            type="date"
            required
            key={`from-${query.from}`}
            defaultValue={query.from}
            onInput={() => setPreset("custom")}
          />
        </label>
        <label>
          {en.reportTo}
          <input
            name="to"
            type="date"
            required
            key={`to-${query.to}`}
            defaultValue={query.to}
            onInput={() => setPreset("custom")}
          />
        </label>
        <label>
          {en.reportGroup}
          <select
            name="group"
            value={query.group}
            onChange={(event) =>
              setQuery({ ...query, group: event.currentTarget.value === "week" ? "week" : "day" })
            }
          >
            <option value="day">{en.group_day}</option>
            <option value="week">{en.group_week}</option>
          </select>
        </label>
        <button type="submit">{en.reportShow}</button>
        <a href={`/api/admin/reports/conversations.csv?${new URLSearchParams(query).toString()}`}>
          {en.downloadConversations}
        </a>
      </form>
      {error && <p class="form-error">{error}</p>}
      <p role="status">{loading ? en.reportLoading : ""}</p>
      {loaded && <Sections loaded={loaded} onOpen={onOpen} />}
    </main>
  );
}

function Sections({ loaded, onOpen }: { loaded: Loaded; onOpen: (id: number) => void }) {
  const { bot, people, satisfaction } = useMemo(
    () => ({
      bot: botTables(loaded.bot),
      people: peopleTables(loaded.people),
      satisfaction: satisfactionTables(loaded.satisfaction),
    }),
    [loaded],
  );
  const table = (value: Parameters<typeof DataTable>[0]["table"], heat = false) => (
    <DataTable table={value} onOpen={onOpen} heat={heat} />
  );
  return (
    <>
      <p>{format(en.reportZone, { zone: loaded.bot.period.timeZone })}</p>
      <section class="stack card" aria-labelledby="report-bot">
        <h2 id="report-bot">{en.reportBot}</h2>
        {table(bot.summary)}
        <TimeChart table={bot.overTime} columns={BOT_LINES} />
        {table(bot.overTime)}
        {table(bot.byReason)}
        {table(bot.byLanguage)}
        {bot.failing.rows.length > 0 ? table(bot.failing) : <p>{en.failingNone}</p>}
      </section>
      <section class="stack card" aria-labelledby="report-people">
        <h2 id="report-people">{en.reportPeople}</h2>
        {table(people.summary)}
        {table(people.late)}
        <TimeChart table={people.overTime} columns={REPLY_LINES} />
        {table(people.overTime)}
        {table(people.heatmap, true)}
        {table(people.byReason)}
        {table(people.bySkill)}
        {table(people.byAgent)}
        {table(people.byHour)}
      </section>
      <section class="stack card" aria-labelledby="report-satisfaction">
        <h2 id="report-satisfaction">{en.reportSatisfaction}</h2>
        {table(satisfaction.summary)}
        {table(satisfaction.byReason)}
        {table(satisfaction.byAgent)}
        {satisfaction.comments.rows.length > 0 ? (
          table(satisfaction.comments)
        ) : (
          <p>{en.commentsNone}</p>
        )}
      </section>
      <section class="stack card" aria-labelledby="report-agents">
        <h2 id="report-agents">{en.reportAgents}</h2>
        {table(agentsTable(loaded.agents))}
      </section>
    </>
  );
}

/** The last `days` days up to today, as the browser's calendar has them. */
function lastDays(days: number, group: ReportQuery["group"]): ReportQuery {
  const day = (offset: number) => {
    const date = new Date();
    date.setDate(date.getDate() - offset);
    return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}-${String(date.getDate()).padStart(2, "0")}`;
  };
  return { from: day(days - 1), to: day(0), group };
}
