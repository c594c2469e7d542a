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
import type { AgentSession } from "../realtime/agent-connection.ts";
import type { AppDeps } from "./app.ts";
import { clientAddress } from "./client-address.ts";
import { body, passwordSchema, tooMany } from "./request-input.ts";

export const SESSION_COOKIE = "hfc_session";
const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

export type AgentEnv = { Variables: { agent: Agent; session: AgentSession } };

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
    const tokenHash = token ? hashToken(token) : "";
    const found = token ? await findSessionAgent(db, tokenHash, now()) : undefined;
    if (!found) throw new HTTPException(401, { message: "Sign in first." });
    const { expiresAt, ...agent } = found;
    c.set("agent", agent);
    c.set("session", { tokenHash, expiresAt });
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
  /** Password checks in progress per address. */
  const checking = new Map<string, number>();

  /**
   * Runs one address's password check; undefined, without running it, while that address has
   * HASHES_PER_ADDRESS running already (it cannot fill the server's hashing queue alone).
   */
  async function checkingFrom<T>(ip: string, check: () => Promise<T>): Promise<T | undefined> {
    const running = checking.get(ip) ?? 0;
    if (running >= HASHES_PER_ADDRESS) return undefined;
    checking.set(ip, running + 1);
    try {
      return await check();
    } finally {
      const left = (checking.get(ip) ?? 1) - 1;
      if (left > 0) checking.set(ip, left);
      else checking.delete(ip);
    }
  }

  /** Ends one session: its cookie stops working and its open sockets close. */
  async function endSession(tokenHash: string): Promise<void> {
    const agentId = await deleteAgentSession(db, tokenHash, now());
    if (agentId === undefined) return;
    deps.publish.accessEnded({ agentId, tokenHash, why: "signed_out" });
  }

  return (
    new Hono<AgentEnv>()
      .post("/session", async (c) => {
        const body = v.safeParse(credentials, await c.req.json().catch(() => null));
        if (!body.success)
          throw new HTTPException(400, { message: "Send an email and a password." });
        const { email, password } = body.output;
        const ip = clientAddress(c, deps.config.trustProxy);
        const account = `${ip} ${email}`;
        // Counted before the password is hashed, so attempts made at once count too.
        const wait =
          (await guard.signInsFromIp.attempt(ip)) ??
          (await guard.signInsToAccount.attempt(account));
        if (wait !== undefined) return tooMany(c, wait, SIGN_IN_LIMITED);
        const agent = await checkingFrom(ip, async () => {
          const found = await findAgentCredentials(db, email);
          // An unknown email costs the same hash as a known one: timing tells nobody who exists.
          return (await verifyPassword(password, found?.passwordHash ?? "")) ? found : null;
        });
        if (agent === undefined) return tooMany(c, 1000, SIGN_IN_LIMITED);
        if (!agent) {
          const data = { email, ip };
          await recordAudit(db, { agentId: null, action: "sign_in_failed", data }, now());
          throw new HTTPException(401, { message: "Wrong email or password." });
        }
        await guard.signInsFromIp.succeeded(ip);
        await guard.signInsToAccount.succeeded(account);
        // A new token at every sign-in; a session cookie the browser already had is ended.
        const previous = getCookie(c, SESSION_COOKIE);
        if (previous) await endSession(hashToken(previous));
        const token = newToken();
        const expiresAt = now() + SESSION_TTL_MS;
        const session = {
          tokenHash: hashToken(token),
          agentId: agent.id,
          createdAt: now(),
          expiresAt,
        };
        await createAgentSession(db, session, ip);
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
        if (token) await endSession(hashToken(token));
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
        // No hashing work for a link that does not exist.
        if (!(await findPasswordLink(db, hashToken(input.token), now()))) throw expiredLink();
        const passwordHash = await hashPassword(input.password);
        const agentId = await usePasswordLink(db, hashToken(input.token), passwordHash, now());
        if (agentId === undefined) throw expiredLink();
        // Setting a password ends every session the agent had.
        deps.publish.accessEnded({ agentId, why: "password_changed" });
        return c.body(null, 204);
      })
  );
}

const SIGN_IN_LIMITED = "Too many sign-in attempts; try again later.";

/** Password checks one address may have running at once. */
const HASHES_PER_ADDRESS = 2;

function expiredLink(): HTTPException {
  return new HTTPException(410, {
    message: "This link was already used or has expired. Ask an admin for a new one.",
  });
}

export function publicAgent(agent: Agent) {
  return { id: agent.id, email: agent.email, name: agent.name, role: agent.role };
}
