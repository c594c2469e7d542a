import type { Handoff, HandoffReason, WireMessage } from "../../protocol/index.ts";

export interface Mark {
  start: number;
  end: number;
  reason: HandoffReason;
}

/**
 * Where the handoff's evidence lies in the transcript. Triage weighed the customer's burst of
 * messages joined by newlines; the spans are offsets in that text. The burst is the run of
 * customer messages just before the handoff announcement; a later message that changed the
 * reasons (re-triage) was appended to the text after another newline. Each span maps back
 * into one of those messages. Returns the marks per message sequence number.
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
  const placed: { message: WireMessage; offset: number }[] = [];
  let offset = 0;
  for (const [index, message] of transcript.entries()) {
    if (index < first || message.author !== "customer" || offset > handoff.text.length) continue;
    const fits =
      handoff.text.startsWith(message.text, offset) &&
      [undefined, "\n"].includes(handoff.text[offset + message.text.length]);
    // The burst itself must be the start of the text; later messages only if they were added.
    if (!fits && index < announced) return marks;
    if (!fits) continue;
    placed.push({ message, offset });
    offset += message.text.length + 1;
  }
  if (offset !== handoff.text.length + 1) return marks;
  for (const { message, offset: from } of placed) {
    const end = from + message.text.length;
    for (const { reason, evidence } of handoff.reasons) {
      for (const span of evidence) {
        const start = Math.max(span.start, from);
        const stop = Math.min(span.end, end);
        if (start >= stop) continue;
        const list = marks.get(message.seq) ?? [];
        list.push({ start: start - from, end: stop - from, reason });
        marks.set(message.seq, list);
      }
    }
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
