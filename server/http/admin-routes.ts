import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import * as v from "valibot";
import {
  createAgent,
  deactivateAgent,
  deleteAgentSessions,
  deleteFaqEntry,
  deleteVisitor,
  exportVisitor,
  findAgentByEmail,
  listAgents,
  listAudit,
  listFaqEntries,
  recordAudit,
  saveFaqEntry,
} from "../../db/index.ts";
import { describeIssue, MAX_TEXT_LENGTH } from "../../protocol/index.ts";
import { hashPassword } from "../auth/password.ts";
import { type AgentEnv, publicAgent, requireAgent, requireRole } from "./agent-auth.ts";
import type { AppDeps } from "./app.ts";

const MIN_PASSWORD_LENGTH = 12;
const AUDIT_PAGE = 100;

const newAgentSchema = v.object({
  email: v.pipe(v.string(), v.trim(), v.toLowerCase(), v.email(), v.maxLength(254)),
  name: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(100)),
  role: v.picklist(["agent", "admin"]),
  password: v.pipe(
    v.string(),
    v.minLength(
      MIN_PASSWORD_LENGTH,
      `A password needs at least ${MIN_PASSWORD_LENGTH} characters.`,
    ),
    v.maxLength(1024),
  ),
});

const faqSchema = v.object({
  lang: v.pipe(v.string(), v.regex(/^[a-z]{2}$/, "lang is a two-letter language code.")),
  title: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(200)),
  answer: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(MAX_TEXT_LENGTH)),
  questions: v.pipe(
    v.array(v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(500))),
    v.minLength(1, "Give at least one example question."),
    v.maxLength(200),
  ),
});

/** Everything under /api/admin: managing people, the knowledge base, the audit log and privacy. */
export function adminRoutes(deps: AppDeps) {
  const { db, chat, now } = deps;
  return (
    new Hono<AgentEnv>()
      // Deny by default: every route below needs a signed-in admin.
      .use(requireAgent(db, now), requireRole("admin"))
      .get("/agents", async (c) => c.json({ agents: await listAgents(db) }))
      .post("/agents", async (c) => {
        const input = await body(c.req.raw, newAgentSchema);
        if (await findAgentByEmail(db, input.email)) {
          throw new HTTPException(409, { message: "An agent with this email already exists." });
        }
        const { password, ...fields } = input;
        const agent = await createAgent(db, {
          ...fields,
          passwordHash: await hashPassword(password),
          createdAt: now(),
        });
        audit(c.get("agent").id, "agent_created", `agent:${agent.id}`);
        return c.json({ agent: publicAgent(agent) }, 201);
      })
      .post("/agents/:id/deactivate", async (c) => {
        const id = idParam(c.req.param("id"));
        if (id === c.get("agent").id) {
          throw new HTTPException(409, { message: "You cannot deactivate yourself." });
        }
        if (!(await deactivateAgent(db, id))) throw notFound();
        audit(c.get("agent").id, "agent_deactivated", `agent:${id}`);
        return c.body(null, 204);
      })
      .delete("/agents/:id/sessions", async (c) => {
        const id = idParam(c.req.param("id"));
        const ended = await deleteAgentSessions(db, id);
        audit(c.get("agent").id, "sessions_revoked", `agent:${id}`, { ended });
        return c.json({ ended });
      })
      .get("/faq", async (c) => c.json({ entries: await listFaqEntries(db) }))
      .post("/faq", async (c) => {
        const input = await body(c.req.raw, faqSchema);
        const entry = await saveFaqEntry(
          db,
          { ...input, updatedAt: now() },
          { agentId: c.get("agent").id },
        );
        if (!entry) throw new Error("a new FAQ entry was not stored");
        chat.faqSaved(entry);
        return c.json({ entry }, 201);
      })
      .put("/faq/:id", async (c) => {
        const id = idParam(c.req.param("id"));
        const input = await body(c.req.raw, faqSchema);
        const entry = await saveFaqEntry(
          db,
          { ...input, id, updatedAt: now() },
          { agentId: c.get("agent").id },
        );
        if (!entry) throw notFound();
        chat.faqSaved(entry);
        return c.json({ entry });
      })
      .delete("/faq/:id", async (c) => {
        const id = idParam(c.req.param("id"));
        if (!(await deleteFaqEntry(db, id, { agentId: c.get("agent").id }, now()))) {
          throw notFound();
        }
        chat.faqDeleted(id);
        return c.body(null, 204);
      })
      .get("/audit", async (c) => {
        const before = c.req.query("before");
        const page = { limit: AUDIT_PAGE, ...(before ? { before: idParam(before) } : {}) };
        return c.json({ entries: await listAudit(db, page) });
      })
      .get("/visitors/:id/export", async (c) => {
        const id = idParam(c.req.param("id"));
        const entry = visitorAudit(c.get("agent").id, "visitor_exported", id);
        const data = await exportVisitor(db, id, entry, now());
        if (!data) throw notFound();
        c.header("Content-Disposition", `attachment; filename="visitor-${id}.json"`);
        return c.json(data);
      })
      .delete("/visitors/:id", async (c) => {
        const id = idParam(c.req.param("id"));
        const entry = visitorAudit(c.get("agent").id, "visitor_deleted", id);
        if (!(await deleteVisitor(db, id, entry, now()))) throw notFound();
        return c.body(null, 204);
      })
  );

  function audit(
    agentId: number,
    action: "agent_created" | "agent_deactivated" | "sessions_revoked",
    target: string,
    data?: Record<string, unknown>,
  ): void {
    recordAudit(db, { agentId, action, target, ...(data ? { data } : {}) }, now());
  }
}

function visitorAudit(
  agentId: number,
  action: "visitor_exported" | "visitor_deleted",
  visitorId: number,
) {
  return { agentId, action, target: `visitor:${visitorId}` };
}

async function body<S extends v.GenericSchema>(
  request: Request,
  schema: S,
): Promise<v.InferOutput<S>> {
  const parsed = v.safeParse(schema, await request.json().catch(() => undefined));
  if (parsed.success) return parsed.output;
  throw new HTTPException(400, { message: describeIssue(parsed.issues) });
}

function idParam(value: string): number {
  const id = Number(value);
  if (!Number.isSafeInteger(id) || id < 1) throw new HTTPException(400, { message: "Bad id." });
  return id;
}

function notFound(): HTTPException {
  return new HTTPException(404, { message: "There is no such item." });
}
