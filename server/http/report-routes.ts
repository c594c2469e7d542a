import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import * as v from "valibot";
import {
  describeIssue,
  MAX_REPORT_DAYS,
  REPORT_SECTIONS,
  type ReportQuery,
  reportQuery,
} from "../../protocol/index.ts";
import { createReports } from "../reports/index.ts";
import type { AgentEnv } from "./agent-auth.ts";
import type { AppDeps } from "./app.ts";

/**
 * /api/admin/reports: each section as JSON, and one CSV row per conversation, for a period
 * given as `?from=YYYY-MM-DD&to=YYYY-MM-DD&group=day|week` in the company's time zone.
 */
export function reportRoutes(deps: AppDeps) {
  const reports = createReports(deps);
  return new Hono<AgentEnv>()
    .get("/conversations.csv", async (c) => {
      const query = periodOf(c.req.query());
      const csv = await reports.conversationsCsv(query);
      if (csv === undefined) throw badPeriod();
      c.header("Content-Type", "text/csv; charset=utf-8");
      c.header(
        "Content-Disposition",
        `attachment; filename="conversations-${query.from}-to-${query.to}.csv"`,
      );
      return c.body(csv);
    })
    .get("/:section", async (c) => {
      const section = v.safeParse(v.picklist(REPORT_SECTIONS), c.req.param("section"));
      if (!section.success) {
        throw new HTTPException(404, { message: `Reports are ${REPORT_SECTIONS.join(", ")}.` });
      }
      const report = await reports.section(section.output, periodOf(c.req.query()));
      if (report === undefined) throw badPeriod();
      return c.json(report);
    });
}

function periodOf(query: Record<string, string>): ReportQuery {
  const parsed = v.safeParse(reportQuery, query);
  if (parsed.success) return parsed.output;
  throw new HTTPException(400, { message: describeIssue(parsed.issues) });
}

function badPeriod(): HTTPException {
  return new HTTPException(400, {
    message: `A period runs forward and covers at most ${MAX_REPORT_DAYS} days.`,
  });
}
