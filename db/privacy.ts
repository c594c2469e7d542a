import { and, asc, eq, inArray } from "drizzle-orm";
import { queueVisitorFiles, visitorFiles } from "./attachments.ts";
import { type AuditEntry, recordAudit } from "./audit.ts";
import { type Db, write } from "./database.ts";
import type { FaqEntry } from "./faq.ts";
import { readTranscript } from "./messages.ts";

/** Everything stored about one visitor, as a person asking for their data would get it. */
export async function exportVisitor(db: Db, visitorId: number, audit: AuditEntry, now: number) {
  return write(db, async (tx) => {
    const { conversationEvents, conversations, visitors } = tx.t;
    const [visitor] = await tx.q.select().from(visitors).where(eq(visitors.id, visitorId));
    if (!visitor) return undefined;
    const rows = await tx.q
      .select()
      .from(conversations)
      .where(eq(conversations.visitorId, visitorId))
      .orderBy(asc(conversations.id));
    const ids = rows.map((row) => row.id);
    const events =
      ids.length === 0
        ? []
        : await tx.q
            .select()
            .from(conversationEvents)
            .where(inArray(conversationEvents.conversationId, ids))
            .orderBy(asc(conversationEvents.id));
    await recordAudit(tx, audit, now);
    const withMessages = [];
    for (const row of rows) {
      withMessages.push({
        ...row,
        messages: await readTranscript(tx, row.id, 0, "agent"),
        events: events.filter((event) => event.conversationId === row.id),
      });
    }
    return { visitor, conversations: withMessages, files: await visitorFiles(tx, visitorId) };
  });
}

/** What erasing a visitor changed beyond their own rows, for the engine to forget too. */
export interface ErasedVisitor {
  /** FAQ entries that lose an example question in the visitor's words. */
  entries: FaqEntry[];
  /** Whether an accepted "should have gone to a person" mark in their words went with them. */
  negatives: boolean;
}

/**
 * Erases a visitor: their conversations, messages, events and the agents' marks on them go
 * with them (foreign keys cascade), and so do their words where an accepted mark made them an
 * FAQ example, unless another visitor's accepted mark holds the same words. Their files' bytes
 * are queued for removal (fileDeletions). The audit entry keeps only the visitor's number.
 */
export async function deleteVisitor(
  db: Db,
  visitorId: number,
  audit: AuditEntry,
  now: number,
): Promise<ErasedVisitor | undefined> {
  return write(db, async (tx) => {
    const { conversations, faqEntries, triageMarks, visitors } = tx.t;
    const theirs = (
      await tx.q
        .select({ mark: triageMarks })
        .from(triageMarks)
        .innerJoin(conversations, eq(conversations.id, triageMarks.conversationId))
        .where(and(eq(conversations.visitorId, visitorId), eq(triageMarks.status, "accepted")))
    ).map(({ mark }) => mark);
    await queueVisitorFiles(tx, visitorId, now);
    const deleted = await tx.q
      .delete(visitors)
      .where(eq(visitors.id, visitorId))
      .returning({ id: visitors.id });
    if (deleted.length === 0) return undefined;
    await recordAudit(tx, audit, now);
    const entries: FaqEntry[] = [];
    for (const mark of theirs) {
      if (mark.kind !== "answerable" || mark.faqId === null) continue;
      // The visitor's own marks are gone by now: any left are other visitors'.
      const [stillHeld] = await tx.q
        .select({ id: triageMarks.id })
        .from(triageMarks)
        .where(
          and(
            eq(triageMarks.faqId, mark.faqId),
            eq(triageMarks.text, mark.text),
            eq(triageMarks.status, "accepted"),
          ),
        );
      const [current] = await tx.q.select().from(faqEntries).where(eq(faqEntries.id, mark.faqId));
      if (stillHeld || !current?.questions.includes(mark.text)) continue;
      const [entry] = await tx.q
        .update(faqEntries)
        .set({ questions: current.questions.filter((q) => q !== mark.text), updatedAt: now })
        .where(eq(faqEntries.id, current.id))
        .returning();
      if (!entry) continue;
      await recordAudit(
        tx,
        { agentId: audit.agentId, action: "faq_updated", target: `faq:${entry.id}` },
        now,
      );
      entries.push(entry);
    }
    return { entries, negatives: theirs.some((mark) => mark.kind === "needs_person") };
  });
}
