import { sql } from "drizzle-orm";
import { MATCH_END, MATCH_START, type SearchHit } from "../protocol/index.ts";
import type { Db } from "./database.ts";

/**
 * Full-text search over every message (notes included: only agents search), newest first.
 * SQLite FTS5 with the trigram tokenizer: substring matches in any language and script,
 * Chinese included, without a word splitter. The query is one literal phrase.
 */
export async function searchMessages(db: Db, query: string, limit: number): Promise<SearchHit[]> {
  // FTS5 ends a query string at a NUL: no control character reaches it.
  const phrase = `"${query.replace(/\p{Cc}/gu, " ").replaceAll('"', '""')}"`;
  // SQLite has no booleans: `internal` comes back as 0 or 1.
  const rows = db.all<Omit<SearchHit, "internal"> & { internal: number }>(sql`
    select m.conversation_id as conversationId, c.status as status, m.seq as seq,
      m.author as author, m.internal as internal, m.created_at as at,
      snippet(messages_fts, 0, ${MATCH_START}, ${MATCH_END}, '…', 16) as snippet
    from messages_fts
    join messages m on m.id = messages_fts.rowid
    join conversations c on c.id = m.conversation_id
    where messages_fts match ${phrase}
    order by m.id desc
    limit ${limit}`);
  return rows.map((row) => ({ ...row, internal: row.internal === 1 }));
}
