// What a message search returns to the inbox (GET /api/desk/search).
import type { Author, ConversationStatus } from "./frames.ts";

/** The trigram index needs three characters to find anything. */
export const MIN_SEARCH_LENGTH = 3;
/** Marks around the matched text in a snippet (private-use characters, never typed). */
export const MATCH_START = "\u{E000}";
export const MATCH_END = "\u{E001}";

export interface SearchHit {
  conversationId: number;
  status: ConversationStatus;
  seq: number;
  author: Author;
  internal: boolean;
  at: number;
  /** The message around the match, the match between MATCH_START and MATCH_END. */
  snippet: string;
}
