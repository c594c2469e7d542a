import { and, asc, eq, isNull, lt, or } from "drizzle-orm";
import type { ApiScope, ApiToken } from "../protocol/index.ts";
import { recordAudit } from "./audit.ts";
import { type Db, first, write } from "./database.ts";

export async function listApiTokens(db: Db): Promise<ApiToken[]> {
  const { agents, apiTokens } = db.t;
  const rows = await db.q
    .select({ token: apiTokens, agentName: agents.name })
    .from(apiTokens)
    .innerJoin(agents, eq(agents.id, apiTokens.agentId))
    .orderBy(asc(apiTokens.id));
  return rows.map(({ token, agentName }) => {
    const listed: ApiToken = {
      id: token.id,
      name: token.name,
      scopes: token.scopes,
      agentId: token.agentId,
      agentName,
      createdAt: token.createdAt,
    };
    if (token.lastUsedAt !== null) listed.lastUsedAt = token.lastUsedAt;
    if (token.revokedAt !== null) listed.revokedAt = token.revokedAt;
    return listed;
  });
}

/** Undefined when the agent it would act as is not an active agent. */
export async function createApiToken(
  db: Db,
  input: { name: string; scopes: ApiScope[]; agentId: number; tokenHash: string },
  createdBy: number,
  now: number,
): Promise<number | undefined> {
  return write(db, async (tx) => {
    const { agents, apiTokens } = tx.t;
    const [agent] = await tx.q
      .select({ active: agents.active })
      .from(agents)
      .where(eq(agents.id, input.agentId));
    if (!agent?.active) return undefined;
    const [row] = await tx.q
      .insert(apiTokens)
      .values({ ...input, createdBy, createdAt: now })
      .returning({ id: apiTokens.id });
    if (!row) throw new Error("the token was not stored");
    const data = { name: input.name, scopes: input.scopes, agentId: input.agentId };
    await recordAudit(
      tx,
      { agentId: createdBy, action: "api_token_created", target: `api_token:${row.id}`, data },
      now,
    );
    return row.id;
  });
}

export async function revokeApiToken(
  db: Db,
  id: number,
  by: number,
  now: number,
): Promise<boolean> {
  return write(db, async (tx) => {
    const { apiTokens } = tx.t;
    const rows = await tx.q
      .update(apiTokens)
      .set({ revokedAt: now })
      .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id });
    if (rows.length === 0) return false;
    const entry = { agentId: by, action: "api_token_revoked", target: `api_token:${id}` } as const;
    await recordAudit(tx, entry, now);
    return true;
  });
}

export interface TokenHolder {
  tokenId: number;
  scopes: ApiScope[];
  /** The agent it acts as, while they are active. */
  agent: { id: number; name: string; role: "agent" | "admin" };
}

/** The live token with this hash, acting as an active agent; undefined otherwise. */
export async function findApiToken(db: Db, tokenHash: string): Promise<TokenHolder | undefined> {
  const { agents, apiTokens } = db.t;
  const row = first(
    await db.q
      .select({
        tokenId: apiTokens.id,
        scopes: apiTokens.scopes,
        id: agents.id,
        name: agents.name,
        role: agents.role,
      })
      .from(apiTokens)
      .innerJoin(agents, eq(agents.id, apiTokens.agentId))
      .where(
        and(
          eq(apiTokens.tokenHash, tokenHash),
          isNull(apiTokens.revokedAt),
          eq(agents.active, true),
        ),
      ),
  );
  if (!row) return undefined;
  const { tokenId, scopes, ...agent } = row;
  return { tokenId, scopes, agent };
}

/** When it was last used, written at most once a minute per token. */
export async function touchApiToken(db: Db, tokenId: number, now: number): Promise<void> {
  const { apiTokens } = db.t;
  await write(db, (tx) =>
    tx.q
      .update(apiTokens)
      .set({ lastUsedAt: now })
      .where(
        and(
          eq(apiTokens.id, tokenId),
          or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, now - 60_000)),
        ),
      ),
  );
}
