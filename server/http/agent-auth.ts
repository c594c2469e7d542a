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
  findSessionAgent,
} from "../../db/index.ts";
import { hashPassword, verifyPassword } from "../auth/password.ts";
import { hashToken, newToken } from "../auth/tokens.ts";

export const SESSION_COOKIE = "hfc_session";
const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

export type AgentEnv = { Variables: { agent: Agent } };

const credentials = v.object({
  email: v.pipe(v.string(), v.trim(), v.toLowerCase(), v.maxLength(254)),
  password: v.pipe(v.string(), v.maxLength(1024)),
});

/** Lets a request through only with a live agent session cookie. */
export function requireAgent(db: Db, now: () => number) {
  return createMiddleware<AgentEnv>(async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE);
    const agent = token ? await findSessionAgent(db, hashToken(token), now()) : undefined;
    if (!agent) throw new HTTPException(401, { message: "Sign in first." });
    c.set("agent", agent);
    await next();
  });
}

export function agentAuthRoutes(db: Db, now: () => number) {
  // Unknown emails are checked against this hash too, so timing does not reveal who has an account.
  const decoy = hashPassword(newToken());

  return new Hono<AgentEnv>()
    .post("/session", async (c) => {
      const body = v.safeParse(credentials, await c.req.json().catch(() => null));
      if (!body.success) throw new HTTPException(400, { message: "Send an email and a password." });
      const { email, password } = body.output;
      const agent = await findAgentCredentials(db, email);
      const valid = await verifyPassword(password, agent?.passwordHash ?? (await decoy));
      if (!agent || !valid) throw new HTTPException(401, { message: "Wrong email or password." });
      const token = newToken();
      const expiresAt = now() + SESSION_TTL_MS;
      await createAgentSession(db, {
        tokenHash: hashToken(token),
        agentId: agent.id,
        createdAt: now(),
        expiresAt,
      });
      setCookie(c, SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: "Strict",
        secure: new URL(c.req.url).protocol === "https:",
        path: "/",
        maxAge: SESSION_TTL_MS / 1000,
      });
      return c.json({ agent: publicAgent(agent) });
    })
    .delete("/session", async (c) => {
      const token = getCookie(c, SESSION_COOKIE);
      if (token) await deleteAgentSession(db, hashToken(token));
      deleteCookie(c, SESSION_COOKIE, { path: "/" });
      return c.body(null, 204);
    })
    .get("/me", requireAgent(db, now), (c) => c.json({ agent: publicAgent(c.get("agent")) }));
}

function publicAgent(agent: Agent) {
  return { id: agent.id, email: agent.email, name: agent.name, role: agent.role };
}
