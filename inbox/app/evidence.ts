import type { Handoff, HandoffReason, WireMessage } from "../../protocol/index.ts";

export interface Mark {
  start: number;
  end: number;
  reason: HandoffReason;
}

/**
 * Where the handoff's evidence lies in the transcript. Triage weighed the customer's burst of
 * messages joined by newlines; the spans are offsets in that text. The burst is the run of
 * customer messages just before the handoff announcement, so each span maps back into one of
 * them. Returns the marks per message sequence number.
 */
export function evidenceByMessage(
  handoff: Handoff,
  transcript: readonly WireMessage[],
): Map<number, Mark[]> {
  const marks = new Map<number, Mark[]>();
  const announced = transcript.findLastIndex((message) => message.event === "handoff");
  if (announced < 0 || handoff.text === "") return marks;
  let first = announced;
  while (first > 0 && transcript[first - 1]?.author === "customer") first--;
  const burst = transcript.slice(first, announced);
  if (burst.map((message) => message.text).join("\n") !== handoff.text) return marks;
  let offset = 0;
  for (const message of burst) {
    const end = offset + message.text.length;
    for (const { reason, evidence } of handoff.reasons) {
      for (const span of evidence) {
        const start = Math.max(span.start, offset);
        const stop = Math.min(span.end, end);
        if (start >= stop) continue;
        const list = marks.get(message.seq) ?? [];
        list.push({ start: start - offset, end: stop - offset, reason });
        marks.set(message.seq, list);
      }
    }
    offset = end + 1;
  }
  return marks;
}

/** A text cut into plain and marked pieces, marks in order and not overlapping. */
export function splitByMarks(
  text: string,
  marks: readonly Mark[],
): { text: string; mark?: HandoffReason }[] {
  const pieces: { text: string; mark?: HandoffReason }[] = [];
  let at = 0;
  for (const mark of [...marks].sort((a, b) => a.start - b.start)) {
    if (mark.start < at) continue;
    if (mark.start > at) pieces.push({ text: text.slice(at, mark.start) });
    pieces.push({ text: text.slice(mark.start, mark.end), mark: mark.reason });
    at = mark.end;
  }
  if (at < text.length) pieces.push({ text: text.slice(at) });
  return pieces;
}
