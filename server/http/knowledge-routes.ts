import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import * as v from "valibot";
import {
  deleteCannedResponse,
  deleteFaqEntry,
  listCannedResponses,
  listFaqEntries,
  saveCannedResponse,
  saveFaqEntry,
} from "../../db/index.ts";
import { MAX_TEXT_LENGTH } from "../../protocol/index.ts";
import type { AgentEnv } from "./agent-auth.ts";
import type { AppDeps } from "./app.ts";
import { body, idParam, notFound } from "./request-input.ts";

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

const trySchema = v.object({
  text: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(MAX_TEXT_LENGTH)),
  /** The conversation's language so far, as the bot would know it; detected when absent. */
  language: v.optional(
    v.pipe(v.string(), v.regex(/^[a-z]{2}$/, "A language is a two-letter ISO 639-1 code.")),
  ),
});

const cannedSchema = v.object({
  shortcut: v.pipe(
    v.string(),
    v.trim(),
    v.toLowerCase(),
    v.regex(
      /^[a-z0-9][a-z0-9_-]{0,31}$/,
      "A shortcut is one short word (letters, digits, - or _).",
    ),
  ),
  text: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(MAX_TEXT_LENGTH)),
});

/** /api/admin/faq and /api/admin/canned: what the bot answers with, and agents' ready replies. */
export function knowledgeRoutes(deps: AppDeps) {
  const { db, chat, now } = deps;
  return (
    new Hono<AgentEnv>()
      .get("/faq", async (c) => c.json({ entries: await listFaqEntries(db) }))
      .post("/faq", async (c) => {
        const input = await body(c.req.raw, faqSchema);
        const audit = { agentId: c.get("agent").id };
        const entry = await saveFaqEntry(db, { ...input, updatedAt: now() }, audit);
        if (!entry) throw new Error("a new FAQ entry was not stored");
        chat.knowledge.saved(entry);
        return c.json({ entry }, 201);
      })
      .put("/faq/:id", async (c) => {
        const id = idParam(c.req.param("id"));
        const input = await body(c.req.raw, faqSchema);
        const audit = { agentId: c.get("agent").id };
        const entry = await saveFaqEntry(db, { ...input, id, updatedAt: now() }, audit);
        if (!entry) throw notFound();
        chat.knowledge.saved(entry);
        return c.json({ entry });
      })
      .delete("/faq/:id", async (c) => {
        const id = idParam(c.req.param("id"));
        if (!(await deleteFaqEntry(db, id, { agentId: c.get("agent").id }, now()))) {
          throw notFound();
        }
        chat.knowledge.deleted(id);
        return c.body(null, 204);
      })
      /** What calibration found per language: how much the bot answers, what collides. */
      .get("/faq/calibration", (c) => c.json(chat.knowledge.report()))
      /** What the bot would do with this text, with the entries as they are now. */
      .post("/faq/try", async (c) => {
        const { text, language } = await body(c.req.raw, trySchema);
        return c.json({ decision: chat.tryIt(text, language) });
      })
      .get("/canned", async (c) => c.json({ responses: await listCannedResponses(db) }))
      .post("/canned", async (c) => {
        const input = await body(c.req.raw, cannedSchema);
        const saved = await saveCanned(c.get("agent").id, input);
        return c.json({ response: saved }, 201);
      })
      .put("/canned/:id", async (c) => {
        const id = idParam(c.req.param("id"));
        const input = await body(c.req.raw, cannedSchema);
        const saved = await saveCanned(c.get("agent").id, { ...input, id });
        if (!saved) throw notFound();
        return c.json({ response: saved });
      })
      .delete("/canned/:id", async (c) => {
        const id = idParam(c.req.param("id"));
        if (!(await deleteCannedResponse(db, id, { agentId: c.get("agent").id }, now()))) {
          throw notFound();
        }
        cannedChanged();
        return c.body(null, 204);
      })
  );

  /** Every open inbox fetches the list again, so "/" offers the new one at once. */
  function cannedChanged(): void {
    deps.publish.toInbox({ type: "canned_changed" });
  }

  async function saveCanned(
    agentId: number,
    input: v.InferOutput<typeof cannedSchema> & { id?: number },
  ) {
    try {
      const saved = await saveCannedResponse(db, { ...input, updatedAt: now() }, { agentId });
      if (saved) cannedChanged();
      return saved;
    } catch (error) {
      if (String(error).includes("UNIQUE constraint failed")) {
        throw new HTTPException(409, { message: "Another canned response has this shortcut." });
      }
      throw error;
    }
  }
}
