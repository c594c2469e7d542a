import { HANDOFF_REASONS, type HandoffReason } from "../../protocol/index.ts";

/** What a handoff event (or a conversation's stored handoff) says, read from its JSON. */
export interface HandoffData {
  reasons: HandoffReason[];
  language: string | undefined;
}

const KNOWN = new Set<string>(HANDOFF_REASONS);

/**
 * Reads both shapes: an event's `{ reasons: ["financial"], language }` and a conversation's
 * `{ reasons: [{ reason: "financial", … }], language }`. Unknown reasons are left out.
 */
export function handoffOf(json: string | null): HandoffData | undefined {
  if (json === null) return undefined;
  const parsed = JSON.parse(json) as { reasons?: unknown; language?: unknown };
  const listed = Array.isArray(parsed.reasons) ? parsed.reasons : [];
  const reasons = listed
    .map((item: unknown) =>
      typeof item === "object" && item !== null && "reason" in item ? item.reason : item,
    )
    .filter((reason): reason is HandoffReason => typeof reason === "string" && KNOWN.has(reason));
  const language = typeof parsed.language === "string" ? parsed.language : undefined;
  return { reasons, language };
}
