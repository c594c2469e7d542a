import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import {
  listCannedResponses,
  listResolvedConversations,
  listVisitorConversations,
  searchMessages,
} from "../../db/index.ts";
import { MIN_SEARCH_LENGTH } from "../../protocol/index.ts";
import { type AgentEnv, requireAgent } from "./agent-auth.ts";
import { alertRoutes } from "./alert-routes.ts";
import type { AppDeps } from "./app.ts";
import { deskMarkRoutes } from "./mark-routes.ts";
import { idParam, notFound, pageBefore } from "./request-input.ts";

const PAGE = 50;

/** /api/desk: what a signed-in agent looks up besides the live socket. */
export function deskRoutes(deps: AppDeps) {
  const { db, chat, desk, now } = deps;
  return new Hono<AgentEnv>()
    .use(requireAgent(db, now))
    .route("/alerts", alertRoutes(deps))
    .get("/resolved", async (c) => {
      const page = pageBefore(c.req.query("before"), PAGE);
      return c.json({ conversations: await listResolvedConversations(db, page) });
    })
    .get("/visitors/:id/conversations", async (c) => {
      const id = idParam(c.req.param("id"));
      return c.json({ conversations: await listVisitorConversations(db, id) });
    })
    .get("/conversations/:id/suggestions", async (c) => {
      const conversation = await desk.conversation(idParam(c.req.param("id")));
      if (!conversation) throw notFound();
      return c.json({ suggestions: chat.suggestions(conversation) });
    })
    .get("/search", async (c) => {
      // Control characters (a NUL among them) mean nothing in a search: spaces instead.
      const query = (c.req.query("q") ?? "").replace(/\p{Cc}/gu, " ").trim();
      if ([...query].length < MIN_SEARCH_LENGTH || query.length > 200) {
        throw new HTTPException(400, {
          message: `Search for ${MIN_SEARCH_LENGTH} to 200 characters.`,
        });
      }
      return c.json({ hits: await searchMessages(db, query, PAGE) });
    })
    .get("/canned", async (c) => c.json({ responses: await listCannedResponses(db) }))
    .route("/", deskMarkRoutes(deps));
}
