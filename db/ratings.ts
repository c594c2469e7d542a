import { and, eq } from "drizzle-orm";
import type { Rating } from "../protocol/index.ts";
import type { Db } from "./database.ts";
import { conversations } from "./schema.ts";
import { grouped } from "./write-batch.ts";

/**
 * The customer's rating of their own resolved conversation; they may change it while it stays
 * resolved. False when it is not theirs or not resolved.
 */
export async function rateConversation(
  db: Db,
  input: { conversationId: number; visitorId: number; rating: Rating },
  now: number,
): Promise<boolean> {
  const { conversationId, visitorId, rating } = input;
  return grouped(db, (tx) => {
    const rated = tx
      .update(conversations)
      .set({ rating: rating.score, ratingComment: rating.comment || null, ratedAt: now })
      .where(
        and(
          eq(conversations.id, conversationId),
          eq(conversations.visitorId, visitorId),
          eq(conversations.status, "resolved"),
        ),
      )
      .returning({ id: conversations.id })
      .get();
    return rated !== undefined;
  });
}
