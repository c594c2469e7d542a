import { Hono } from "hono";
import { deleteVisitor, exportVisitor, listAudit } from "../../db/index.ts";
import { type AgentEnv, requireAgent, requireRole } from "./agent-auth.ts";
import type { AppDeps } from "./app.ts";
import { integrationRoutes } from "./integration-routes.ts";
import { knowledgeRoutes } from "./knowledge-routes.ts";
import { adminMarkRoutes } from "./mark-routes.ts";
import { reportRoutes } from "./report-routes.ts";
import { idParam, notFound, pageBefore } from "./request-input.ts";
import { settingsRoutes } from "./settings-routes.ts";
import { teamRoutes } from "./team-routes.ts";

const AUDIT_PAGE = 100;

/**
 * Everything under /api/admin: people, the knowledge base, settings, reports, integrations,
 * the audit log, privacy.
 */
export function adminRoutes(deps: AppDeps) {
  const { db, marks, now } = deps;
  return (
    new Hono<AgentEnv>()
      // Deny by default: every route below needs a signed-in admin.
      .use(requireAgent(db, now), requireRole("admin"))
      .route("/agents", teamRoutes(deps))
      .route("/settings", settingsRoutes(deps))
      .route("/", knowledgeRoutes(deps))
      .route("/marks", adminMarkRoutes(deps))
      .route("/reports", reportRoutes(deps))
      .route("/", integrationRoutes(deps))
      .get("/audit", async (c) => {
        const page = pageBefore(c.req.query("before"), AUDIT_PAGE);
        return c.json({ entries: await listAudit(db, page) });
      })
      .get("/visitors/:id/export", async (c) => {
        const id = idParam(c.req.param("id"));
        const entry = visitorAudit(c.get("agent").id, "visitor_exported", id);
        const data = await exportVisitor(db, id, entry, now());
        if (!data) throw notFound();
        c.header("Content-Disposition", `attachment; filename="visitor-${id}.json"`);
        // Each file with a link to download it while the export is fresh.
        const { linked } = deps.files.links;
        return c.json({
          ...data,
          conversations: data.conversations.map((conversation) => ({
            ...conversation,
            messages: conversation.messages.map(linked),
          })),
        });
      })
      .delete("/visitors/:id", async (c) => {
        const id = idParam(c.req.param("id"));
        const entry = visitorAudit(c.get("agent").id, "visitor_deleted", id);
        const erased = await deleteVisitor(db, id, entry, now());
        if (!erased) throw notFound();
        await marks.forget(erased);
        // Their files' bytes go now; a failure is retried by the periodic sweep.
        await deps.files.sweep();
        return c.body(null, 204);
      })
  );
}

function visitorAudit(
  agentId: number,
  action: "visitor_exported" | "visitor_deleted",
  visitorId: number,
) {
  return { agentId, action, target: `visitor:${visitorId}` };
}
