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
 * Full-text search over every message (notes included: only agents search), newest first:
 * substring matches in any language and script, Chinese included, without a word splitter;
 * case and accents do not matter ("platnosc" finds "Płatność"). The query is one literal
 * phrase. SQLite answers from an FTS5 trigram index, PostgreSQL from a pg_trgm index over
 * the folded text (migrations-pg/0001_search.sql).
 */
export async function searchMessages(db: Db, query: string, limit: number): Promise<SearchHit[]> {
  // FTS5 ends a query string at a NUL: no control character reaches it. Polish ł is indexed
  // as l (Unicode gives it no accent for the index to drop).
  const plain = unaccented(query.replace(/\p{Cc}/gu, " "));
  const rows = await rawRows<SearchRow>(
    db,
    db.engine === "sqlite" ? fts5(plain, limit) : trigram(plain, limit),
  );
  return rows.map(({ text, internal, at, ...row }) => ({
    ...row,
    at: Number(at),
    internal: internal === true || internal === 1,
    snippet: snippetOf(text, plain),
  }));
}

type SearchRow = Omit<SearchHit, "internal" | "snippet" | "at"> & {
  /** SQLite has no booleans (0 or 1); PostgreSQL's bigint comes as a string. */
  internal: number | boolean;
  at: number | string;
  text: string;
};

const COLUMNS = sql`m.conversation_id as "conversationId", c.status as "status", m.seq as "seq",
  m.author as "author", m.internal as "internal", m.created_at as "at", m.text as "text"`;

function fts5(plain: string, limit: number) {
  const phrase = `"${plain.replaceAll('"', '""')}"`;
  return sql`select ${COLUMNS}
    from messages_fts
    join messages m on m.id = messages_fts.rowid
    join conversations c on c.id = m.conversation_id
    where messages_fts match ${phrase}
    order by m.id desc
    limit ${limit}`;
}

function trigram(plain: string, limit: number) {
  const literal = plain.replace(/[\\%_]/g, (special) => `\\${special}`);
  return sql`select ${COLUMNS}
    from messages m
    join conversations c on c.id = m.conversation_id
    where search_text(m.text) like '%' || search_text(${literal}) || '%'
    order by m.id desc
    limit ${limit}`;
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
