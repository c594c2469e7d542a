import { type Context, Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import { findVisitor } from "../../db/index.ts";
import { verifyVisitorToken } from "../auth/visitor-token.ts";
import type { UploadResult } from "../files/index.ts";
import { tooLarge } from "../files/inspect.ts";
import { type AgentEnv, requireAgent } from "./agent-auth.ts";
import type { AppDeps } from "./app.ts";
import { clientAddress, embeddingAllowed, isSameHost } from "./client-address.ts";
import { idParam, notFound, tooMany } from "./request-input.ts";

/**
 * POST /api/widget/files: a customer's upload, from any page allowed to embed the widget, with
 * the visitor token as a bearer token (a cookie would not travel from the company's site).
 */
export function widgetFileRoutes(deps: AppDeps) {
  const { db, files, guard, config, settings, secrets, now } = deps;
  return new Hono().post("/", async (c) => {
    const origin = c.req.header("origin");
    if (!isSameHost(c) && !(origin && embeddingAllowed(config, settings, origin))) {
      throw new HTTPException(403, { message: "This site may not send files to this chat." });
    }
    const token = c.req.header("authorization")?.replace(/^Bearer\s+/i, "") ?? "";
    const visitorId = verifyVisitorToken(secrets.secret, token, now());
    if (visitorId === undefined || !(await findVisitor(db, visitorId))) {
      throw new HTTPException(401, { message: "Open the chat again, then send the file." });
    }
    const retryAfterMs = await guard.uploadFromIp(clientAddress(c, config.trustProxy));
    if (retryAfterMs !== undefined) {
      return tooMany(c, retryAfterMs, "Too many files at once; try again shortly.");
    }
    const bytes = await uploadedBytes(c, files.limits().maxBytes);
    return answer(c, await files.upload({ bytes, name: c.req.query("name") ?? "", visitorId }));
  });
}

/** POST /api/desk/conversations/:id/files: an agent's upload for a reply or a note there. */
export function deskFileRoutes(deps: AppDeps) {
  const { db, desk, files, now } = deps;
  return new Hono<AgentEnv>().use(requireAgent(db, now)).post("/:id/files", async (c) => {
    const conversation = await desk.conversation(idParam(c.req.param("id")));
    if (!conversation) throw notFound();
    const bytes = await uploadedBytes(c, files.limits().maxBytes);
    const upload = {
      bytes,
      name: c.req.query("name") ?? "",
      visitorId: conversation.visitorId,
      agentId: c.get("agent").id,
    };
    return answer(c, await files.upload(upload));
  });
}

/** GET /files/:id/:name?expires=…&sig=…: a file, to whoever holds a link that checks out. */
export function fileDownloadRoutes(deps: AppDeps) {
  const { files } = deps;
  return new Hono().get("/:id/:name", async (c) => {
    const id = idParam(c.req.param("id"));
    const expires = Number(c.req.query("expires"));
    const verdict = Number.isSafeInteger(expires)
      ? files.links.check(id, expires, c.req.query("sig") ?? "")
      : "invalid";
    if (verdict === "invalid") {
      throw new HTTPException(403, { message: "This link to a file is not valid." });
    }
    if (verdict === "expired") {
      throw new HTTPException(410, {
        message: "This link has expired. Reload the chat to get a new one.",
      });
    }
    const response = await files.download(id);
    if (!response) throw new HTTPException(404, { message: "This file no longer exists." });
    return response;
  });
}

/** The request body, refused with a clear 413 (before reading it, when its length is known). */
async function uploadedBytes(c: Context, maxBytes: number): Promise<Uint8Array> {
  const length = Number(c.req.header("content-length") ?? Number.NaN);
  if (length > maxBytes) throw new HTTPException(413, { message: tooLarge(maxBytes) });
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  if (bytes.length > maxBytes) throw new HTTPException(413, { message: tooLarge(maxBytes) });
  return bytes;
}

function answer(c: Context, result: UploadResult) {
  return result.ok
    ? c.json({ file: result.file }, 201)
    : c.json({ error: result.error }, result.status);
}
