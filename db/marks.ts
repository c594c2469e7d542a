import { and, desc, eq } from "drizzle-orm";
import type { HandoffReason } from "../protocol/index.ts";
import { type AuditEntry, recordAudit } from "./audit.ts";
import type { Db } from "./database.ts";
import type { FaqEntry } from "./faq.ts";
import { faqEntries, triageMarks } from "./schema.ts";

export { MARK_STATUSES } from "./schema.ts";

export type TriageMark = typeof triageMarks.$inferSelect;
export type MarkStatus = TriageMark["status"];

export type NewMark = {
  conversationId: number;
  text: string;
  language: string;
  markedBy: number;
} & ({ kind: "answerable"; faqId: number } | { kind: "needs_person"; reason: HandoffReason });

/**
 * Stores an agent's mark, audited; marking the same words of a conversation the same way again
 * returns the first mark. Undefined when the FAQ entry it names does not exist.
 */
export async function createMark(
  db: Db,
  mark: NewMark,
  now: number,
): Promise<TriageMark | undefined> {
  return db.transaction((tx) => {
    if (mark.kind === "answerable") {
      const entry = tx
        .select({ id: faqEntries.id })
        .from(faqEntries)
        .where(eq(faqEntries.id, mark.faqId));
      if (!entry.get()) return undefined;
    }
    const created = tx
      .insert(triageMarks)
      .values({ ...mark, createdAt: now })
      .onConflictDoNothing()
      .returning()
      .get();
    if (!created) {
      return tx
        .select()
        .from(triageMarks)
        .where(
          and(
            eq(triageMarks.conversationId, mark.conversationId),
            eq(triageMarks.kind, mark.kind),
            eq(triageMarks.text, mark.text),
          ),
        )
        .get();
    }
    const audit = {
      agentId: mark.markedBy,
      action: "mark_created",
      target: `mark:${created.id}`,
    } as const;
    recordAudit(
      tx,
      { ...audit, data: { kind: mark.kind, conversationId: mark.conversationId } },
      now,
    );
    return created;
  });
}

export async function listMarks(db: Db, status: MarkStatus): Promise<TriageMark[]> {
  return db
    .select()
    .from(triageMarks)
    .where(eq(triageMarks.status, status))
    .orderBy(desc(triageMarks.id))
    .all();
}

/** The accepted "should have gone to a person" marks: the engine's learned negatives. */
export async function acceptedNegatives(
  db: Db,
): Promise<{ text: string; language: string; reason: HandoffReason }[]> {
  const rows = db
    .select({ text: triageMarks.text, language: triageMarks.language, reason: triageMarks.reason })
    .from(triageMarks)
    .where(and(eq(triageMarks.kind, "needs_person"), eq(triageMarks.status, "accepted")))
    .all();
  return rows.flatMap((row) => (row.reason ? [{ ...row, reason: row.reason }] : []));
}

/**
 * Accepts or rejects a pending mark, audited. Accepting "the FAQ answers this" adds the words
 * to the entry's example questions in the same transaction; the entry is returned so the
 * engine can take it in. Undefined when the mark is not pending (already reviewed, or gone).
 */
export async function reviewMark(
  db: Db,
  input: { id: number; accept: boolean; agentId: AuditEntry["agentId"] },
  now: number,
): Promise<{ mark: TriageMark; entry?: FaqEntry } | undefined> {
  return db.transaction((tx) => {
    const status = input.accept ? "accepted" : "rejected";
    const mark = tx
      .update(triageMarks)
      .set({ status, reviewedBy: input.agentId, reviewedAt: now })
      .where(and(eq(triageMarks.id, input.id), eq(triageMarks.status, "pending")))
      .returning()
      .get();
    if (!mark) return undefined;
    const action = input.accept ? "mark_accepted" : "mark_rejected";
    recordAudit(tx, { agentId: input.agentId, action, target: `mark:${mark.id}` }, now);
    if (!input.accept || mark.kind !== "answerable" || mark.faqId === null) return { mark };
    const current = tx.select().from(faqEntries).where(eq(faqEntries.id, mark.faqId)).get();
    if (!current) return { mark };
    if (current.questions.includes(mark.text)) return { mark, entry: current };
    const entry = tx
      .update(faqEntries)
      .set({ questions: [...current.questions, mark.text], updatedAt: now })
      .where(eq(faqEntries.id, current.id))
      .returning()
      .get();
    recordAudit(
      tx,
      { agentId: input.agentId, action: "faq_updated", target: `faq:${current.id}` },
      now,
    );
    return entry ? { mark, entry } : { mark };
  });
}
