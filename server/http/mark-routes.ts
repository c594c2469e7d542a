import { type Context, Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import * as v from "valibot";
import { listFaqEntries, listMarks, MARK_STATUSES } from "../../db/index.ts";
import { HANDOFF_REASONS } from "../../protocol/index.ts";
import type { MarkRefusal } from "../marks.ts";
import type { AgentEnv } from "./agent-auth.ts";
import type { AppDeps } from "./app.ts";
import { body, idParam, notFound } from "./request-input.ts";

const markSchema = v.variant("kind", [
  v.object({
    kind: v.literal("answerable"),
    faqId: v.pipe(v.number(), v.integer(), v.minValue(1)),
  }),
  v.object({
    kind: v.literal("needs_person"),
    reason: v.picklist(HANDOFF_REASONS),
    seq: v.pipe(v.number(), v.integer(), v.minValue(1)),
  }),
]);

const REFUSALS: Record<MarkRefusal, { status: 404 | 409; message: string }> = {
  not_found: { status: 404, message: "There is no such conversation." },
  no_entry: { status: 404, message: "There is no such FAQ entry." },
  no_words: { status: 409, message: "The customer asked nothing before the handoff." },
  not_a_bot_answer: { status: 409, message: "That message is not an answer of the bot." },
};

/** /api/desk: an agent marks what the bot did and looks up the entries to name. */
export function deskMarkRoutes(deps: AppDeps) {
  const { db, marks } = deps;
  return new Hono<AgentEnv>()
    .get("/faq", async (c) => {
      const entries = await listFaqEntries(db);
      return c.json({
        entries: entries.map(({ id, lang, title }) => ({ id, lang, title })),
      });
    })
    .post("/conversations/:id/marks", async (c) => {
      const id = idParam(c.req.param("id"));
      const request = await body(c.req.raw, markSchema);
      const mark = await marks.mark(id, request, c.get("agent").id);
      if (typeof mark === "string") {
        const refusal = REFUSALS[mark];
        throw new HTTPException(refusal.status, { message: refusal.message });
      }
      return c.json({ mark }, 201);
    });
}

/** /api/admin/marks: the agents' marks waiting for review, accepted or rejected. */
export function adminMarkRoutes(deps: AppDeps) {
  const { db, marks } = deps;
  const review = (accept: boolean) => async (c: Context<AgentEnv>) => {
    const id = idParam(c.req.param("id"));
    const mark = await marks.review(id, accept, c.get("agent").id);
    if (!mark) throw notFound();
    return c.json({ mark });
  };
  return new Hono<AgentEnv>()
    .get("/", async (c) => {
      const status = v.safeParse(v.picklist(MARK_STATUSES), c.req.query("status") ?? "pending");
      if (!status.success) throw new HTTPException(400, { message: "Unknown status." });
      return c.json({ marks: await listMarks(db, status.output) });
    })
    .post("/:id/accept", review(true))
    .post("/:id/reject", review(false));
}
