import { useEffect, useState } from "preact/hooks";
import {
  format,
  MATCH_END,
  MATCH_START,
  MIN_SEARCH_LENGTH,
  type SearchHit,
} from "../../protocol/index.ts";
import { en } from "../i18n/en.ts";
import { call } from "./api.ts";
import { statusLabel } from "./labels.ts";

/** The server's snippet marks a match between MATCH_START and MATCH_END. */
const MATCH = new RegExp(`${MATCH_START}(.*?)${MATCH_END}`, "gu");

export function SearchResults({
  query,
  onOpen,
  onClear,
}: {
  query: string;
  onOpen: (id: number) => void;
  onClear: () => void;
}) {
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if ([...query].length < MIN_SEARCH_LENGTH) {
      setHits(null);
      return;
    }
    let current = true;
    // Wait for a pause in typing before asking.
    const timer = setTimeout(() => {
      call<{ hits: SearchHit[] }>("GET", `/api/desk/search?q=${encodeURIComponent(query)}`).then(
        (result) => {
          if (!current) return;
          setHits(result.hits);
          setError(null);
        },
        (failure: unknown) => current && setError(String(failure)),
      );
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query]);

  return (
    <section aria-label={en.searchResults} class="search-results">
      <button type="button" class="link" onClick={onClear}>
        {en.clearSearch}
      </button>
      {error && <p class="form-error">{error}</p>}
      {hits === null ? (
        <p class="none">{en.searchHint}</p>
      ) : hits.length === 0 ? (
        <p class="none">{en.none}</p>
      ) : (
        <ul>
          {hits.map((hit) => (
            <li key={`${hit.conversationId}:${hit.seq}`}>
              <button type="button" class="item" onClick={() => onOpen(hit.conversationId)}>
                <span class="item-head">
                  {format(en.conversation, { id: String(hit.conversationId) })} ·{" "}
                  {statusLabel(hit.status)}
                  {hit.internal && ` · ${en.note}`}
                </span>
                <span class="preview" dir="auto">
                  {highlighted(hit.snippet)}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function highlighted(snippet: string) {
  return snippet.split(MATCH).map((part, index) =>
    // split with one capture group: odd pieces are the matches.
    index % 2 === 1 ? <mark key={index}>{part}</mark> : part,
  );
}
