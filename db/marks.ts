import { and, desc, eq } from "drizzle-orm";
import type { HandoffReason } from "../protocol/index.ts";
import { type AuditEntry, recordAudit } from "./audit.ts";
import { type Db, first, type Tables, write } from "./database.ts";
import type { FaqEntry } from "./faq.ts";

export { MARK_STATUSES } from "./schema.ts";

export type TriageMark = Tables["triageMarks"]["$inferSelect"];
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
  return write(db, async (tx) => {
    const { faqEntries, triageMarks } = tx.t;
    if (mark.kind === "answerable") {
      const entry = await tx.q
        .select({ id: faqEntries.id })
        .from(faqEntries)
        .where(eq(faqEntries.id, mark.faqId));
      if (entry.length === 0) return undefined;
    }
    const [created] = await tx.q
      .insert(triageMarks)
      .values({ ...mark, createdAt: now })
      .onConflictDoNothing()
      .returning();
    if (!created) {
      const same = await tx.q
        .select()
        .from(triageMarks)
        .where(
          and(
            eq(triageMarks.conversationId, mark.conversationId),
            eq(triageMarks.kind, mark.kind),
            eq(triageMarks.text, mark.text),
          ),
        );
      return first(same);
    }
    const audit = {
      agentId: mark.markedBy,
      action: "mark_created",
      target: `mark:${created.id}`,
    } as const;
    await recordAudit(
      tx,
      { ...audit, data: { kind: mark.kind, conversationId: mark.conversationId } },
      now,
    );
    return created;
  });
}

export async function listMarks(db: Db, status: MarkStatus): Promise<TriageMark[]> {
  const { triageMarks } = db.t;
  return db.q
    .select()
    .from(triageMarks)
    .where(eq(triageMarks.status, status))
    .orderBy(desc(triageMarks.id));
}

/** The accepted "should have gone to a person" marks: the engine's learned negatives. */
export async function acceptedNegatives(
  db: Db,
): Promise<{ text: string; language: string; reason: HandoffReason }[]> {
  const { triageMarks } = db.t;
  const rows = await db.q
    .select({ text: triageMarks.text, language: triageMarks.language, reason: triageMarks.reason })
    .from(triageMarks)
    .where(and(eq(triageMarks.kind, "needs_person"), eq(triageMarks.status, "accepted")));
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
  return write(db, async (tx) => {
    const { faqEntries, triageMarks } = tx.t;
    const status = input.accept ? "accepted" : "rejected";
    const [mark] = await tx.q
      .update(triageMarks)
      .set({ status, reviewedBy: input.agentId, reviewedAt: now })
      .where(and(eq(triageMarks.id, input.id), eq(triageMarks.status, "pending")))
      .returning();
    if (!mark) return undefined;
    const action = input.accept ? "mark_accepted" : "mark_rejected";
    await recordAudit(tx, { agentId: input.agentId, action, target: `mark:${mark.id}` }, now);
    if (!input.accept || mark.kind !== "answerable" || mark.faqId === null) return { mark };
    const [current] = await tx.q.select().from(faqEntries).where(eq(faqEntries.id, mark.faqId));
    if (!current) return { mark };
    if (current.questions.includes(mark.text)) return { mark, entry: current };
    const [entry] = await tx.q
      .update(faqEntries)
      .set({ questions: [...current.questions, mark.text], updatedAt: now })
      .where(eq(faqEntries.id, current.id))
      .returning();
    await recordAudit(
      tx,
      { agentId: input.agentId, action: "faq_updated", target: `faq:${current.id}` },
      now,
    );
    return entry ? { mark, entry } : { mark };
  });
}
