// `npm run bench`: every figure of the README, measured on this machine next to a baseline
// taken in the same run (a plain `ws` echo server driven by the same load generator).
// `npm run bench -- --json` prints one JSON object on stdout; progress goes to stderr.
// All load goes to 127.0.0.1, with fixed counts and durations.
import { cpus } from "node:os";
import { parseArgs } from "node:util";
import { startServerProcess } from "../server/server-process.ts";
import { deploymentFigures } from "./deployments.ts";
import { fileFigures } from "./file-speed.ts";
import { handoffLatency } from "./load/handoff-latency.ts";
import { idleMemoryKib } from "./load/idle-memory.ts";
import { chatTarget, echoTarget } from "./load/targets.ts";
import { throughput } from "./load/throughput.ts";
import { reportFigures } from "./report-speed.ts";
import { timeToUsable } from "./time-to-usable.ts";
import { triageSpeed } from "./triage-speed.ts";
import { widgetWeight } from "./widget-weight.ts";

const DATA = ["../shared/data/clinc150.jsonl", "../shared/data/bitext_customer_support.jsonl"];
const BROWSER_RUNS = 7;
const IDLE_CONNECTIONS = 10_000;
const HANDOFF_RATE = 1_000;
/** A year of a busy shop's conversations, for the reports' timings. */
const REPORT_CONVERSATIONS = 100_000;
/** What one PostgreSQL on this machine's two cores, shared with every node, keeps up with. */
const DEPLOYMENT_RATE = 250;

const { values } = parseArgs({ options: { json: { type: "boolean", default: false } } });
const progress = (line: string) => console.error(`· ${line}`);

progress("widget weight");
const [loader, whole] = await widgetWeight();

progress(`time to a usable widget in Chromium (median of ${BROWSER_RUNS} first visits)`);
const demo = await startServerProcess();
const usable = await timeToUsable(`${demo.url}/`, BROWSER_RUNS).finally(() => demo.stop());

progress("an upload: a phone photo checked and encoded again, against storing it as it came");
const files = await fileFigures();

progress("triage speed over the development data");
const speed = triageSpeed(DATA);

const rates: Record<number, { chat: number; echo: number }> = {};
for (const connections of [100, 1_000]) {
  progress(`messages per second with ${connections} customers: ws echo, then the chat server`);
  const options = { connections, warmUpMs: 1_000, measureMs: 4_000 };
  const echo = await throughput(echoTarget, options);
  const chat = await throughput(chatTarget, options);
  rates[connections] = { chat, echo };
}

progress(`handoff latency at a steady ${HANDOFF_RATE} messages per second: ws echo, then chat`);
const latencyOptions = { perSecond: HANDOFF_RATE, warmUpMs: 2_000, durationMs: 5_000 };
const echoLatency = await handoffLatency(echoTarget, latencyOptions);
const chatLatency = await handoffLatency(chatTarget, latencyOptions);

const deployments = await deploymentFigures(
  { connections: 100, perSecond: DEPLOYMENT_RATE },
  progress,
);

progress(`reports on a year of data (${REPORT_CONVERSATIONS} conversations): SQLite, PostgreSQL`);
const reports = await reportFigures(REPORT_CONVERSATIONS, progress);

progress(`memory per idle connection at ${IDLE_CONNECTIONS} connections: ws echo, then chat`);
const echoMemory = await idleMemoryKib(() => echoTarget({}), IDLE_CONNECTIONS);
const chatMemory = await idleMemoryKib(() => chatTarget({}), IDLE_CONNECTIONS);

const ratio = (connections: number) => {
  const rate = rates[connections];
  return rate ? rate.chat / rate.echo : 0;
};
const round = (value: number, digits = 1) => Number(value.toFixed(digits));
const figures = {
  widget_loader_raw_bytes: loader.raw,
  widget_loader_gzip_bytes: loader.gzip,
  widget_loader_brotli_bytes: loader.brotli,
  widget_loader_gzip_budget_bytes: loader.gzipBudget,
  widget_total_raw_bytes: whole.raw,
  widget_total_gzip_bytes: whole.gzip,
  widget_total_brotli_bytes: whole.brotli,
  widget_total_gzip_budget_bytes: whole.gzipBudget,
  host_page_visible_ms: round(usable.pageMs),
  launcher_visible_ms: round(usable.launcherMs),
  widget_usable_ms: round(usable.usableMs),
  open_to_usable_ms: round(usable.openToUsableMs),
  pipeline_msgs_per_s_100: Math.round(rates[100]?.chat ?? 0),
  echo_msgs_per_s_100: Math.round(rates[100]?.echo ?? 0),
  pipeline_to_echo_ratio_100: round(ratio(100), 3),
  pipeline_msgs_per_s_1000: Math.round(rates[1_000]?.chat ?? 0),
  echo_msgs_per_s_1000: Math.round(rates[1_000]?.echo ?? 0),
  pipeline_to_echo_ratio_1000: round(ratio(1_000), 3),
  handoff_p50_ms: round(chatLatency.handoff.p50, 2),
  handoff_p99_ms: round(chatLatency.handoff.p99, 2),
  handoff_samples: chatLatency.handoff.samples,
  handoff_missing: chatLatency.handoff.missing,
  message_ack_p50_ms: round(chatLatency.ack.p50, 2),
  message_ack_p99_ms: round(chatLatency.ack.p99, 2),
  echo_p50_ms: round(echoLatency.handoff.p50, 2),
  echo_p99_ms: round(echoLatency.handoff.p99, 2),
  idle_conn_kib: round(chatMemory.kibPerConnection),
  echo_idle_conn_kib: round(echoMemory.kibPerConnection),
  triage_us_p50: round(speed.triage.p50),
  triage_us_p99: round(speed.triage.p99),
  frame_parse_us_p50: round(speed.parse.p50, 2),
  frame_parse_us_p99: round(speed.parse.p99, 2),
  triage_messages: speed.messages,
  triage_retrain_ms: round(speed.retrainMs, 0),
  triage_train_ms: round(speed.trainMs, 0),
  deployments: deployments.map((deployment) => ({
    name: deployment.name,
    nodes: deployment.nodes,
    msgs_per_s_100: Math.round(deployment.messagesPerSecond),
    postgres_cpu_ms_per_msg: round(deployment.postgresCpuMs, 3),
    redis_cpu_ms_per_msg:
      deployment.redisCpuMs === undefined ? null : round(deployment.redisCpuMs, 3),
    handoff_rate_per_s: DEPLOYMENT_RATE,
    handoff_p50_ms: round(deployment.latency.handoff.p50, 2),
    handoff_p99_ms: round(deployment.latency.handoff.p99, 2),
    handoff_missing: deployment.latency.handoff.missing,
    ack_p50_ms: round(deployment.latency.ack.p50, 2),
    ack_p99_ms: round(deployment.latency.ack.p99, 2),
  })),
  upload_photo_bytes: files.photoBytes,
  upload_photo_check_ms: round(files.checkMs),
  upload_photo_store_ms: round(files.storeMs),
  reports: reports.map((times) => ({
    engine: times.engine,
    conversations: times.conversations,
    messages: times.messages,
    ms: times.ms,
    baseline_ms: times.baselineMs,
  })),
  machine: `${cpus().length} × ${cpus()[0]?.model ?? "unknown CPU"}, Node ${process.version}`,
};

if (values.json) {
  console.log(JSON.stringify(figures));
} else {
  console.log(`\n${figures.machine}\n`);
  console.table(tableRows());
}

/** One row per figure: ours, the same-run baseline, and the target where the issue set one. */
function tableRows() {
  const f = figures;
  const row = (measure: string, ours: string, baseline = "", target = "", met?: boolean) => ({
    measure,
    ours,
    "baseline (same run)": baseline,
    target,
    met: met === undefined ? "" : met ? "yes" : "NO",
  });
  const bytes = (w: typeof loader) => `${w.gzip} B gzip (${w.raw} raw, ${w.brotli} brotli)`;
  const rate = (n: 100 | 1_000) => {
    const ours = `${f[`pipeline_msgs_per_s_${n}`]} msg/s (${f[`pipeline_to_echo_ratio_${n}`]} of echo)`;
    const met = f[`pipeline_to_echo_ratio_${n}`] >= 0.5;
    return row(
      `messages, ${n} customers`,
      ours,
      `${f[`echo_msgs_per_s_${n}`]} msg/s`,
      "≥ 0.5 of echo",
      met,
    );
  };
  const echo = `${f.echo_p50_ms} / ${f.echo_p99_ms} ms`;
  return [
    row("loader (script tag)", bytes(loader), "", `≤ ${loader.gzipBudget} B gzip`, loader.within),
    row("whole widget", bytes(whole), "", `≤ ${whole.gzipBudget} B gzip`, whole.within),
    row(
      "launcher visible",
      `${f.launcher_visible_ms} ms`,
      `page heading ${f.host_page_visible_ms} ms`,
    ),
    row("widget usable (from the click)", `${f.widget_usable_ms} ms (${f.open_to_usable_ms} ms)`),
    row(
      `upload: a ${(f.upload_photo_bytes / 1e6).toFixed(1)} MB, 12-megapixel photo checked and re-encoded`,
      `${f.upload_photo_check_ms} ms`,
      `stored as it came: ${f.upload_photo_store_ms} ms`,
    ),
    rate(100),
    rate(1_000),
    row(
      "handoff p50 / p99, 1,000 msg/s",
      `${f.handoff_p50_ms} / ${f.handoff_p99_ms} ms`,
      echo,
      "p99 < 25 ms",
      f.handoff_p99_ms < 25 && f.handoff_missing === 0,
    ),
    row("ack p50 / p99, 1,000 msg/s", `${f.message_ack_p50_ms} / ${f.message_ack_p99_ms} ms`, echo),
    ...f.deployments.flatMap((d) => [
      row(
        `${d.name}: messages, 100 customers`,
        `${d.msgs_per_s_100} msg/s`,
        `SQLite, 1 node: ${f.pipeline_msgs_per_s_100} msg/s`,
      ),
      row(
        `${d.name}: CPU per message`,
        `PostgreSQL ${d.postgres_cpu_ms_per_msg} ms${d.redis_cpu_ms_per_msg === null ? "" : `, Redis ${d.redis_cpu_ms_per_msg} ms`}`,
      ),
      row(
        `${d.name}: handoff p50 / p99, ${d.handoff_rate_per_s} msg/s`,
        `${d.handoff_p50_ms} / ${d.handoff_p99_ms} ms`,
        echo,
        "p99 < 25 ms",
        d.handoff_p99_ms < 25 && d.handoff_missing === 0,
      ),
    ]),
    ...f.reports.flatMap((r) =>
      (["bot", "people", "satisfaction", "agents", "csv"] as const).map((section) => {
        const periods = Object.keys(r.ms[section]).map(Number);
        const times = periods.map((days) => r.ms[section][days] ?? 0);
        return row(
          `report "${section}", ${r.engine}, ${periods.join(" / ")} days of ${r.conversations} conv.`,
          `${times.join(" / ")} ms`,
          `counting the events: ${periods.map((days) => r.baseline_ms[days]).join(" / ")} ms`,
          section === "csv" ? "" : "< 300 ms",
          section === "csv" ? undefined : times.every((ms) => ms < 300),
        );
      }),
    ),
    row(
      `memory per idle connection (${IDLE_CONNECTIONS})`,
      `${f.idle_conn_kib} KiB`,
      `${f.echo_idle_conn_kib} KiB`,
      "< 20 KiB",
      f.idle_conn_kib < 20,
    ),
    row(
      "triage p50 / p99",
      `${f.triage_us_p50} / ${f.triage_us_p99} µs`,
      `frame parse ${f.frame_parse_us_p50} / ${f.frame_parse_us_p99} µs`,
      "≤ 200 / ≤ 1,000 µs",
      f.triage_us_p50 <= 200 && f.triage_us_p99 <= 1000,
    ),
    row(
      "recalibration after an FAQ edit (demo FAQ, six languages)",
      `${f.triage_retrain_ms} ms`,
      `all six languages from scratch ${f.triage_train_ms} ms`,
      "< 1,000 ms",
      f.triage_retrain_ms < 1000,
    ),
  ];
}
