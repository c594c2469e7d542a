import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import * as v from "valibot";
import {
  createAgent,
  createPasswordLink,
  deactivateAgent,
  deleteAgentSessions,
  findAgentByEmail,
  updateAgentProfile,
} from "../../db/index.ts";
import { languagesSchema, skillsSchema } from "../../protocol/index.ts";
import { hashPassword } from "../auth/password.ts";
import { hashToken, newToken } from "../auth/tokens.ts";
import { type AgentEnv, publicAgent } from "./agent-auth.ts";
import type { AppDeps } from "./app.ts";
import { body, idParam, notFound, passwordSchema } from "./request-input.ts";

/** An invitation stays open a week; a password reset a day. */
const INVITE_TTL_MS = 7 * 24 * 60 * 60 * 1000;
const RESET_TTL_MS = 24 * 60 * 60 * 1000;
/** Stored instead of a hash until the invited agent chooses a password: it matches nothing. */
const NO_PASSWORD_YET = "invited";

const profileFields = {
  name: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(100)),
  role: v.picklist(["agent", "admin"]),
  skills: skillsSchema,
  languages: languagesSchema,
  capacity: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(50)),
};

const newAgentSchema = v.object({
  email: v.pipe(v.string(), v.trim(), v.toLowerCase(), v.email(), v.maxLength(254)),
  ...profileFields,
  skills: v.optional(skillsSchema),
  languages: v.optional(languagesSchema),
  capacity: v.optional(profileFields.capacity),
  /** Without one, the admin gets a one-time link to pass on, and the agent chooses it. */
  password: v.optional(passwordSchema),
});

const profileSchema = v.partial(v.object(profileFields));

/** /api/admin/agents: who is on the team and what routing knows about them. */
export function teamRoutes(deps: AppDeps) {
  const { db, desk, now } = deps;

  async function passwordLink(
    agentId: number,
    purpose: "invite" | "reset",
    by: number,
    origin: string,
  ): Promise<string> {
    const token = newToken();
    const ttl = purpose === "invite" ? INVITE_TTL_MS : RESET_TTL_MS;
    const link = { tokenHash: hashToken(token), agentId, purpose, expiresAt: now() + ttl };
    await createPasswordLink(db, link, { agentId: by }, now());
    // In the fragment: never sent to a server, so it stays out of logs and Referer headers.
    return `${origin}/inbox#password=${token}`;
  }

  return new Hono<AgentEnv>()
    .get("/", async (c) => c.json({ agents: await desk.team() }))
    .post("/", async (c) => {
      const input = await body(c.req.raw, newAgentSchema);
      if (await findAgentByEmail(db, input.email)) {
        throw new HTTPException(409, { message: "An agent with this email already exists." });
      }
      const { password, ...fields } = input;
      const by = c.get("agent").id;
      const passwordHash = password === undefined ? NO_PASSWORD_YET : await hashPassword(password);
      const agent = await createAgent(db, { ...fields, passwordHash, createdAt: now() }, by);
      const origin = new URL(c.req.url).origin;
      const inviteUrl =
        password === undefined ? await passwordLink(agent.id, "invite", by, origin) : undefined;
      await desk.publishTeam();
      return c.json({ agent: publicAgent(agent), ...(inviteUrl ? { inviteUrl } : {}) }, 201);
    })
    .patch("/:id", async (c) => {
      const id = idParam(c.req.param("id"));
      const profile = await body(c.req.raw, profileSchema);
      if (id === c.get("agent").id && profile.role === "agent") {
        throw new HTTPException(409, { message: "You cannot take away your own admin role." });
      }
      const changes = Object.fromEntries(
        Object.entries(profile).filter(([, value]) => value !== undefined),
      );
      const before = (await desk.team()).find((member) => member.id === id);
      if (!before) throw notFound();
      // Nothing changed (a form saved twice): nothing to write.
      if (Object.keys(changes).length === 0) return c.json({ agent: before });
      if (!(await updateAgentProfile(db, id, changes, { agentId: c.get("agent").id }, now()))) {
        throw notFound();
      }
      // Open inbox connections carry the role they were opened with: they reconnect.
      if (profile.role !== undefined && profile.role !== before?.role) {
        deps.publish.accessEnded({ agentId: id, why: "role_changed" });
      }
      await desk.publishTeam();
      await desk.route();
      return c.json({ agent: (await desk.team()).find((member) => member.id === id) });
    })
    .post("/:id/password-link", async (c) => {
      const id = idParam(c.req.param("id"));
      if (!(await desk.team()).some((member) => member.id === id)) throw notFound();
      const origin = new URL(c.req.url).origin;
      return c.json({ url: await passwordLink(id, "reset", c.get("agent").id, origin) });
    })
    .post("/:id/deactivate", async (c) => {
      const id = idParam(c.req.param("id"));
      if (id === c.get("agent").id) {
        throw new HTTPException(409, { message: "You cannot deactivate yourself." });
      }
      const requeued = await deactivateAgent(db, id, { agentId: c.get("agent").id }, now());
      if (!requeued) throw notFound();
      deps.publish.accessEnded({ agentId: id, why: "deactivated" });
      await desk.requeued(requeued);
      return c.body(null, 204);
    })
    .delete("/:id/sessions", async (c) => {
      const id = idParam(c.req.param("id"));
      const ended = await deleteAgentSessions(db, id, { agentId: c.get("agent").id }, now());
      deps.publish.accessEnded({ agentId: id, why: "revoked" });
      return c.json({ ended });
    });
}
