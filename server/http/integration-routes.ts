import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import {
  createApiToken,
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  listApiTokens,
  listDeliveries,
  listWebhookEndpoints,
  retryDelivery,
  revokeApiToken,
  updateWebhookEndpoint,
} from "../../db/index.ts";
import { apiTokenInput, webhookEndpointInput } from "../../protocol/index.ts";
import { hashToken, newToken } from "../auth/tokens.ts";
import type { AgentEnv } from "./agent-auth.ts";
import type { AppDeps } from "./app.ts";
import { body, idParam, notFound } from "./request-input.ts";

const DELIVERY_PAGE = 50;
/** What every API token starts with, so a leaked one is easy to recognise (and scan for). */
export const API_TOKEN_PREFIX = "hfc_";

/** /api/admin/webhooks and /api/admin/api-tokens: how the company connects its other tools. */
export function integrationRoutes(deps: AppDeps) {
  const { db, now } = deps;
  const webhooksChanged = () => deps.changes.announce({ kind: "webhooks" });
  return new Hono<AgentEnv>()
    .get("/webhooks", async (c) => c.json({ endpoints: await listWebhookEndpoints(db) }))
    .post("/webhooks", async (c) => {
      const input = await body(c.req.raw, webhookEndpointInput);
      const endpoint = await createWebhookEndpoint(
        db,
        input,
        { agentId: c.get("agent").id },
        now(),
      );
      webhooksChanged();
      return c.json({ endpoint }, 201);
    })
    .put("/webhooks/:id", async (c) => {
      const input = await body(c.req.raw, webhookEndpointInput);
      const id = idParam(c.req.param("id"));
      const audit = { agentId: c.get("agent").id };
      const endpoint = await updateWebhookEndpoint(db, id, input, audit, now());
      if (!endpoint) throw notFound();
      webhooksChanged();
      return c.json({ endpoint });
    })
    .delete("/webhooks/:id", async (c) => {
      const id = idParam(c.req.param("id"));
      if (!(await deleteWebhookEndpoint(db, id, { agentId: c.get("agent").id }, now()))) {
        throw notFound();
      }
      webhooksChanged();
      return c.body(null, 204);
    })
    .get("/webhook-deliveries", async (c) => {
      const before = c.req.query("before");
      const endpoint = c.req.query("endpoint");
      const page = {
        limit: DELIVERY_PAGE,
        ...(before ? { before: idParam(before) } : {}),
        ...(endpoint ? { endpointId: idParam(endpoint) } : {}),
      };
      return c.json({ deliveries: await listDeliveries(db, page) });
    })
    .post("/webhook-deliveries/:id/retry", async (c) => {
      if (!(await retryDelivery(db, idParam(c.req.param("id")), now()))) {
        throw new HTTPException(409, { message: "It was delivered already, or is gone." });
      }
      return c.body(null, 204);
    })
    .get("/api-tokens", async (c) => c.json({ tokens: await listApiTokens(db) }))
    .post("/api-tokens", async (c) => {
      const input = await body(c.req.raw, apiTokenInput);
      const admin = c.get("agent").id;
      const token = `${API_TOKEN_PREFIX}${newToken()}`;
      const stored = {
        name: input.name,
        scopes: [...new Set(input.scopes)],
        agentId: input.agentId ?? admin,
        tokenHash: hashToken(token),
      };
      const id = await createApiToken(db, stored, admin, now());
      if (id === undefined) {
        throw new HTTPException(400, { message: "The token must act as an active agent." });
      }
      // Shown this once: only its hash is kept.
      return c.json({ id, token }, 201);
    })
    .delete("/api-tokens/:id", async (c) => {
      const id = idParam(c.req.param("id"));
      if (!(await revokeApiToken(db, id, c.get("agent").id, now()))) throw notFound();
      return c.body(null, 204);
    });
}
