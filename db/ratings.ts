import { and, eq } from "drizzle-orm";
import type { Rating } from "../protocol/index.ts";
import { type Db, write } from "./database.ts";
import { queueWebhooks } from "./webhooks.ts";

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
  const { conversations } = db.t;
  return write(db, async (tx) => {
    const rated = await tx.q
      .update(conversations)
      .set({ rating: rating.score, ratingComment: rating.comment || null, ratedAt: now })
      .where(
        and(
          eq(conversations.id, conversationId),
          eq(conversations.visitorId, visitorId),
          eq(conversations.status, "resolved"),
        ),
      )
      .returning({ id: conversations.id });
    if (rated.length === 0) return false;
    await queueWebhooks(tx, "conversation.rated", () => ({ conversationId, rating }), now);
    return true;
  });
}
