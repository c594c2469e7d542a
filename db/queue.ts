import { asc, desc, eq } from "drizzle-orm";
import type { Db } from "./database.ts";

/** A conversation waiting for a person, as the router weighs it. */
export interface QueuedConversation {
  conversationId: number;
  visitorId: number;
  priority: number;
  skill: string | null;
  language: string | null;
  queuedAt: number | null;
}

/** Everything waiting, the most urgent and then the longest waiting first. */
export async function listQueue(db: Db): Promise<QueuedConversation[]> {
  const { conversations } = db.t;
  return db.q
    .select({
      conversationId: conversations.id,
      visitorId: conversations.visitorId,
      priority: conversations.priority,
      skill: conversations.skill,
      language: conversations.language,
      queuedAt: conversations.queuedAt,
    })
    .from(conversations)
    .where(eq(conversations.status, "queued"))
    .orderBy(desc(conversations.priority), asc(conversations.queuedAt), asc(conversations.id));
}
