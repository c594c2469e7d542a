import { Hono } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import { HTTPException } from "hono/http-exception";
import * as v from "valibot";
import {
  type Agent,
  createAgentSession,
  type Db,
  deleteAgentSession,
  findAgentCredentials,
  findPasswordLink,
  findSessionAgent,
  recordAudit,
  usePasswordLink,
} from "../../db/index.ts";
import { hashPassword, verifyPassword } from "../auth/password.ts";
import { hashToken, newToken } from "../auth/tokens.ts";
import type { AppDeps } from "./app.ts";
import { clientAddress } from "./client-address.ts";
import { body, passwordSchema } from "./request-input.ts";

export const SESSION_COOKIE = "hfc_session";
const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

export type AgentEnv = { Variables: { agent: Agent } };

const credentials = v.object({
  email: v.pipe(v.string(), v.trim(), v.toLowerCase(), v.maxLength(254)),
  password: v.pipe(v.string(), v.maxLength(1024)),
});

const passwordLinkSchema = v.object({
  token: v.pipe(v.string(), v.minLength(1), v.maxLength(128)),
  password: passwordSchema,
});

/** Lets a request through only with a live session of an active agent. */
export function requireAgent(db: Db, now: () => number) {
  return createMiddleware<AgentEnv>(async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE);
    const agent = token ? await findSessionAgent(db, hashToken(token), now()) : undefined;
    if (!agent) throw new HTTPException(401, { message: "Sign in first." });
    c.set("agent", agent);
    await next();
  });
}

/** Deny by default: only the roles named may go on (after requireAgent). */
export function requireRole(...roles: Agent["role"][]) {
  return createMiddleware<AgentEnv>(async (c, next) => {
    if (!roles.includes(c.get("agent").role)) {
      throw new HTTPException(403, { message: "Your role does not allow this." });
    }
    await next();
  });
}

export function agentAuthRoutes(deps: AppDeps) {
  const { db, now, guard } = deps;
  // Unknown emails are checked against this hash too, so timing does not reveal who has an account.
  const decoy = hashPassword(newToken());

  return (
    new Hono<AgentEnv>()
      .post("/session", async (c) => {
        const body = v.safeParse(credentials, await c.req.json().catch(() => null));
        if (!body.success)
          throw new HTTPException(400, { message: "Send an email and a password." });
        const { email, password } = body.output;
        const ip = clientAddress(c, deps.config.trustProxy);
        const account = `${ip} ${email}`;
        const wait =
          (await guard.signInsFromIp.blocked(ip)) ??
          (await guard.signInsToAccount.blocked(account));
        if (wait !== undefined) {
          const retryAfter = String(Math.ceil(wait / 1000));
          const error = "Too many sign-in attempts; try again later.";
          return c.json({ error }, 429, { "Retry-After": retryAfter });
        }
        const agent = await findAgentCredentials(db, email);
        const valid = await verifyPassword(password, agent?.passwordHash ?? (await decoy));
        if (!agent || !valid) {
          await guard.signInsFromIp.failed(ip);
          await guard.signInsToAccount.failed(account);
          recordAudit(db, { agentId: null, action: "sign_in_failed", data: { email, ip } }, now());
          throw new HTTPException(401, { message: "Wrong email or password." });
        }
        await guard.signInsToAccount.succeeded(account);
        // A new token at every sign-in; a session cookie the browser already had is ended.
        const previous = getCookie(c, SESSION_COOKIE);
        if (previous) await deleteAgentSession(db, hashToken(previous));
        const token = newToken();
        const expiresAt = now() + SESSION_TTL_MS;
        await createAgentSession(db, {
          tokenHash: hashToken(token),
          agentId: agent.id,
          createdAt: now(),
          expiresAt,
        });
        recordAudit(db, { agentId: agent.id, action: "sign_in", data: { ip } }, now());
        setCookie(c, SESSION_COOKIE, token, {
          httpOnly: true,
          sameSite: "Strict",
          // Browsers keep Secure cookies on http://localhost, so only there may it be plain.
          secure: !LOCAL_HOSTS.has(new URL(c.req.url).hostname),
          path: "/",
          maxAge: SESSION_TTL_MS / 1000,
        });
        return c.json({ agent: publicAgent(agent) });
      })
      .delete("/session", async (c) => {
        const token = getCookie(c, SESSION_COOKIE);
        const agent = token ? await findSessionAgent(db, hashToken(token), now()) : undefined;
        if (token) await deleteAgentSession(db, hashToken(token));
        if (agent) recordAudit(db, { agentId: agent.id, action: "sign_out" }, now());
        deleteCookie(c, SESSION_COOKIE, { path: "/" });
        return c.body(null, 204);
      })
      .get("/me", requireAgent(db, now), (c) => c.json({ agent: publicAgent(c.get("agent")) }))
      /** Whose one-time link this is, so the page can greet them before they choose a password. */
      .get("/password-link", async (c) => {
        const token = c.req.query("token") ?? "";
        const link = await findPasswordLink(db, hashToken(token), now());
        if (!link) throw expiredLink();
        return c.json({ name: link.name, email: link.email });
      })
      .post("/password-link", async (c) => {
        const input = await body(c.req.raw, passwordLinkSchema);
        const passwordHash = await hashPassword(input.password);
        const agentId = await usePasswordLink(db, hashToken(input.token), passwordHash, now());
        if (agentId === undefined) throw expiredLink();
        return c.body(null, 204);
      })
  );
}

function expiredLink(): HTTPException {
  return new HTTPException(410, {
    message: "This link was already used or has expired. Ask an admin for a new one.",
  });
}

export function publicAgent(agent: Agent) {
  return { id: agent.id, email: agent.email, name: agent.name, role: agent.role };
}
