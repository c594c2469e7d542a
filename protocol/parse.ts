import * as v from "valibot";
import type { ErrorFrame } from "./frames.ts";

/** Deeper than any frame we define; stops a nesting bomb before JSON.parse recurses into it. */
export const MAX_JSON_DEPTH = 16;

export type Parsed<T> = { ok: true; frame: T } | { ok: false; error: ErrorFrame };

/** Parses one raw WebSocket payload against a frame schema; never throws. */
export function parseFrame<S extends v.GenericSchema>(
  schema: S,
  raw: unknown,
): Parsed<v.InferOutput<S>> {
  if (typeof raw !== "string") {
    return invalid("Frames must be JSON text.");
  }
  if (nestingDepth(raw) > MAX_JSON_DEPTH) {
    return invalid(`Frames can nest at most ${MAX_JSON_DEPTH} levels deep.`);
  }
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return invalid("The frame is not valid JSON.");
  }
  const result = v.safeParse(schema, data);
  if (result.success) return { ok: true, frame: result.output };
  return invalid(describeIssue(result.issues), clientIdOf(data));
}

/** The first problem Valibot found, with the path to the field: "text: A message cannot…". */
export function describeIssue(
  issues: readonly [v.BaseIssue<unknown>, ...v.BaseIssue<unknown>[]],
): string {
  const [issue] = issues;
  const path = issue.path?.map((item) => String(item.key)).join(".");
  return path ? `${path}: ${issue.message}` : issue.message;
}

function invalid(message: string, clientId?: string): Parsed<never> {
  const error: ErrorFrame = { type: "error", code: "invalid_frame", message };
  if (clientId !== undefined) error.clientId = clientId;
  return { ok: false, error };
}

/** Lets the sender tie a rejection to the message it tried to send. */
function clientIdOf(data: unknown): string | undefined {
  if (typeof data !== "object" || data === null || !("clientId" in data)) return undefined;
  return typeof data.clientId === "string" ? data.clientId.slice(0, 64) : undefined;
}

/** The deepest bracket nesting outside JSON strings, counted in one pass. */
function nestingDepth(raw: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < raw.length; i++) {
    const char = raw[i];
    if (inString) {
      if (char === "\\") i++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === "{" || char === "[") deepest = Math.max(deepest, ++depth);
    else if (char === "}" || char === "]") depth--;
  }
  return deepest;
}
