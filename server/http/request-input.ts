import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import * as v from "valibot";
import { describeIssue } from "../../protocol/index.ts";

export const MIN_PASSWORD_LENGTH = 12;

export const passwordSchema = v.pipe(
  v.string(),
  v.minLength(MIN_PASSWORD_LENGTH, `A password needs at least ${MIN_PASSWORD_LENGTH} characters.`),
  v.maxLength(1024),
);

/** The request's JSON body checked against a schema; a 400 that names the field otherwise. */
export async function body<S extends v.GenericSchema>(
  request: Request,
  schema: S,
): Promise<v.InferOutput<S>> {
  const parsed = v.safeParse(schema, await request.json().catch(() => undefined));
  if (parsed.success) return parsed.output;
  throw new HTTPException(400, { message: describeIssue(parsed.issues) });
}

export function idParam(value: string | undefined): number {
  const id = Number(value);
  if (!Number.isSafeInteger(id) || id < 1) throw new HTTPException(400, { message: "Bad id." });
  return id;
}

/** `?before=<id>`: the page of items older than that id, at most `limit` of them. */
export function pageBefore(before: string | undefined, limit: number) {
  return { limit, ...(before ? { before: idParam(before) } : {}) };
}

export function notFound(): HTTPException {
  return new HTTPException(404, { message: "There is no such item." });
}

/** A 429 that says why and, in Retry-After, when to try again. */
export function tooMany(c: Context, waitMs: number, error: string) {
  return c.json({ error }, 429, { "Retry-After": String(Math.ceil(waitMs / 1000)) });
}
