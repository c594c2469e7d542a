import { sql } from "drizzle-orm";
import {
  MATCH_END,
  MATCH_START,
  plainLetters,
  type SearchHit,
  unaccented,
} from "../protocol/index.ts";
import type { Db } from "./database.ts";
import { rawRows } from "./raw-sql.ts";

/** Characters of context either side of the match in a snippet. */
const AROUND = 40;

/**
 * Full-text search over every message (notes included: only agents search), newest first.
 * SQLite FTS5 with the trigram tokenizer: substring matches in any language and script,
 * Chinese included, without a word splitter; case and accents do not matter ("platnosc"
 * finds "Płatność"). The query is one literal phrase.
 */
export async function searchMessages(db: Db, query: string, limit: number): Promise<SearchHit[]> {
  // FTS5 ends a query string at a NUL: no control character reaches it. Polish ł is indexed
  // as l (Unicode gives it no accent for the index to drop).
  const plain = unaccented(query.replace(/\p{Cc}/gu, " "));
  const phrase = `"${plain.replaceAll('"', '""')}"`;
  // SQLite has no booleans: `internal` comes back as 0 or 1.
  const rows = await rawRows<
    Omit<SearchHit, "internal" | "snippet"> & { internal: number; text: string }
  >(
    db,
    sql`
    select m.conversation_id as conversationId, c.status as status, m.seq as seq,
      m.author as author, m.internal as internal, m.created_at as at, m.text as text
    from messages_fts
    join messages m on m.id = messages_fts.rowid
    join conversations c on c.id = m.conversation_id
    where messages_fts match ${phrase}
    order by m.id desc
    limit ${limit}`,
  );
  return rows.map(({ text, internal, ...row }) => ({
    ...row,
    internal: internal === 1,
    snippet: snippetOf(text, plain),
  }));
}

/**
 * About 80 characters of the message around the first match, the match marked, cut at word
 * boundaries where there is one near.
 */
function snippetOf(text: string, query: string): string {
  const at = plainLetters(text).indexOf(plainLetters(query));
  if (at < 0) return text.length > 2 * AROUND ? `${text.slice(0, 2 * AROUND)}…` : text;
  const end = at + query.length;
  let from = Math.max(0, at - AROUND);
  let to = Math.min(text.length, end + AROUND);
  const space = text.indexOf(" ", from);
  if (from > 0 && space >= 0 && space < at) from = space + 1;
  const lastSpace = text.lastIndexOf(" ", to);
  if (to < text.length && lastSpace > end) to = lastSpace;
  return [
    from > 0 ? "…" : "",
    text.slice(from, at),
    MATCH_START,
    text.slice(at, end),
    MATCH_END,
    text.slice(end, to),
    to < text.length ? "…" : "",
  ].join("");
}
