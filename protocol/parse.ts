import * as v from "valibot";
import type { ErrorFrame } from "./frames.ts";

export type Parsed<T> = { ok: true; frame: T } | { ok: false; error: ErrorFrame };

/** Parses one raw WebSocket payload against a frame schema; never throws. */
export function parseFrame<S extends v.GenericSchema>(
  schema: S,
  raw: unknown,
): Parsed<v.InferOutput<S>> {
  if (typeof raw !== "string") {
    return invalid("Frames must be JSON text.");
  }
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return invalid("The frame is not valid JSON.");
  }
  const result = v.safeParse(schema, data);
  if (result.success) return { ok: true, frame: result.output };
  const issue = result.issues[0];
  const path = issue.path?.map((item) => String(item.key)).join(".");
  return invalid(path ? `${path}: ${issue.message}` : issue.message, clientIdOf(data));
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
