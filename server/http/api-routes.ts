import { randomUUID } from "node:crypto";
import { type Context, Hono } from "hono";
import { createMiddleware } from "hono/factory";
import { HTTPException } from "hono/http-exception";
import * as v from "valibot";
import {
  findApiToken,
  listOpenConversations,
  listResolvedConversations,
  readTranscript,
  recordAudit,
  type TokenHolder,
  touchApiToken,
} from "../../db/index.ts";
import { type AgentServerFrame, type ApiScope, MAX_TEXT_LENGTH } from "../../protocol/index.ts";
import { hashToken } from "../auth/tokens.ts";
import type { AppDeps } from "./app.ts";
import { API_TOKEN_PREFIX } from "./integration-routes.ts";
import { OPENAPI } from "./openapi.ts";
import { body, idParam, notFound, pageBefore, tooMany } from "./request-input.ts";

type ApiEnv = { Variables: { holder: TokenHolder } };

const PAGE = 50;
const BEARER = new RegExp(`^Bearer\\s+(${API_TOKEN_PREFIX}[\\w-]+)$`, "i");

const textInput = v.object({
  text: v.pipe(
    v.string(),
    v.trim(),
    v.minLength(1, "A message cannot be empty."),
    v.maxLength(MAX_TEXT_LENGTH, `A message can be at most ${MAX_TEXT_LENGTH} characters.`),
  ),
});

/**
 * /api/v1: the REST API for the company's other tools (CRM, ticketing, Slack bots), opened by
 * an admin-issued token (Authorization: Bearer hfc_…). Each route needs its scope; writes act
 * as the token's agent, under the same rules as the inbox, and are audited with the token.
 * A revoked token, or one whose agent was deactivated, stops working on its next request.
 */
export function apiRoutes(deps: AppDeps) {
  const { db, desk, files, guard, now } = deps;

  const authenticated = createMiddleware<ApiEnv>(async (c, next) => {
    const token = c.req.header("authorization")?.match(BEARER)?.[1];
    const holder = token ? await findApiToken(db, hashToken(token)) : undefined;
    if (!holder) {
      throw new HTTPException(401, {
        message: "Send a live API token: Authorization: Bearer hfc_…",
      });
    }
    const retryAfterMs = await guard.apiRequest(String(holder.tokenId));
    if (retryAfterMs !== undefined) {
      return tooMany(c, retryAfterMs, "Too many requests with this token; slow down.");
    }
    c.set("holder", holder);
    await touchApiToken(db, holder.tokenId, now());
    return next();
  });

  const scope = (needed: ApiScope) =>
    createMiddleware<ApiEnv>(async (c, next) => {
      if (!c.get("holder").scopes.includes(needed)) {
        throw new HTTPException(403, { message: `This token lacks the ${needed} scope.` });
      }
      await next();
    });

  /** A write through the API: recorded with the token that made it. */
  async function audited(c: Context<ApiEnv>, what: string, conversationId: number) {
    const { agent, tokenId } = c.get("holder");
    const entry = {
      agentId: agent.id,
      action: "api_write",
      target: `conversation:${conversationId}`,
      data: { token: tokenId, what },
    } as const;
    await recordAudit(db, entry, now());
  }

  async function conversationOr404(c: Context<ApiEnv>) {
    const conversation = await desk.conversation(idParam(c.req.param("id")));
    if (!conversation) throw notFound();
    return conversation;
  }

  return new Hono<ApiEnv>()
    .get("/openapi.json", (c) => c.json(OPENAPI))
    .use(authenticated)
    .get("/conversations", scope("conversations:read"), async (c) => {
      const status = c.req.query("status") ?? "open";
      if (status === "open") return c.json({ conversations: await listOpenConversations(db) });
      if (status !== "resolved") {
        throw new HTTPException(400, { message: "status is open or resolved." });
      }
      const page = pageBefore(c.req.query("before"), PAGE);
      return c.json({ conversations: await listResolvedConversations(db, page) });
    })
    .get("/conversations/:id", scope("conversations:read"), async (c) =>
      c.json({ conversation: await conversationOr404(c) }),
    )
    .get("/conversations/:id/messages", scope("conversations:read"), async (c) => {
      const conversation = await conversationOr404(c);
      const after = Number(c.req.query("after") ?? 0);
      if (!Number.isSafeInteger(after) || after < 0) {
        throw new HTTPException(400, { message: "after is a sequence number (0 or more)." });
      }
      const messages = await readTranscript(db, conversation.id, after, "agent");
      return c.json({ messages: messages.map(files.links.linked) });
    })
    .post("/conversations/:id/claim", scope("conversations:reply"), async (c) => {
      const conversation = await conversationOr404(c);
      const refused = await desk.claim(c.get("holder").agent.id, conversation.id);
      if (refused) return refusal(c, refused);
      await audited(c, "claim", conversation.id);
      return c.json({ conversation: await desk.conversation(conversation.id) });
    })
    .post("/conversations/:id/messages", scope("conversations:reply"), async (c) => write(c, false))
    .post("/conversations/:id/notes", scope("conversations:note"), async (c) => write(c, true))
    .post("/conversations/:id/resolve", scope("conversations:resolve"), async (c) => {
      const conversation = await conversationOr404(c);
      const refused = await desk.resolve(c.get("holder").agent.id, conversation.id);
      if (refused) return refusal(c, refused);
      await audited(c, "resolve", conversation.id);
      return c.json({ conversation: await desk.conversation(conversation.id) });
    });

  /** A reply or a note; an Idempotency-Key header makes a retried request store it once. */
  async function write(c: Context<ApiEnv>, internal: boolean) {
    const conversation = await conversationOr404(c);
    const { text } = await body(c.req.raw, textInput);
    const key = c.req.header("idempotency-key")?.slice(0, 64);
    const clientId = key ? `api:${key}` : `api:${randomUUID()}`;
    const frame = { conversationId: conversation.id, clientId, text };
    const answer = await desk.write(c.get("holder").agent.id, frame, internal);
    if (answer.type !== "ack") return refusal(c, answer);
    await audited(c, internal ? "note" : "reply", conversation.id);
    return c.json({ seq: answer.seq }, 201);
  }
}

/** The inbox's refusal of a move, as an HTTP answer. */
function refusal(c: Context, frame: AgentServerFrame) {
  const message = frame.type === "error" ? frame.message : "Refused.";
  const code = frame.type === "error" ? frame.code : "conflict";
  const status = code === "not_found" ? 404 : code === "forbidden" ? 403 : 409;
  return c.json({ error: message }, status);
}
