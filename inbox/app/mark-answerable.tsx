import type { ConversationSummary } from "../../protocol/index.ts";
import { en } from "../i18n/en.ts";
import { MarkNotice, useMark } from "./mark-notice.tsx";
import type { Suggestion } from "./suggestions.ts";
import { useResource } from "./use-resource.ts";

interface EntryTitle {
  id: number;
  lang: string;
  title: string;
}

/**
 * "The FAQ answers this": the agent names the entry (the suggestions first, then every entry
 * in the customer's language) and the customer's words become a pending example for it.
 */
export function MarkAnswerable({
  conversation,
  suggestions,
}: {
  conversation: ConversationSummary;
  suggestions: Suggestion[];
}) {
  const { data } = useResource<{ entries: EntryTitle[] }>("/api/desk/faq");
  const { notice, send } = useMark(conversation.id, en.markAccepted);
  const entries = data?.entries ?? [];
  const suggested = suggestions.map((suggestion) => suggestion.faqId);
  const language = conversation.language ?? conversation.handoff?.language;
  const inLanguage = entries.filter((entry) => entry.lang === language);
  const choices = inLanguage.length > 0 ? inLanguage : entries;
  const top = suggested.flatMap((faqId) => choices.filter((entry) => entry.id === faqId));
  const rest = choices.filter((entry) => !suggested.includes(entry.id));
  if (choices.length === 0) return null;
  return (
    <form
      class="row mark"
      aria-label={en.markAnswerable}
      onSubmit={(event) => {
        event.preventDefault();
        const faqId = Number(new FormData(event.currentTarget).get("faqId"));
        void send({ kind: "answerable", faqId });
      }}
    >
      <label>
        {en.markEntry}
        <select name="faqId" required>
          <option value="">{en.markChoose}</option>
          {top.length > 0 && (
            <optgroup label={en.markSuggested}>
              {top.map((entry) => (
                <option key={entry.id} value={entry.id}>
                  {entry.title}
                </option>
              ))}
            </optgroup>
          )}
          <optgroup label={en.markAllEntries}>
            {rest.map((entry) => (
              <option key={entry.id} value={entry.id}>
                {entry.title}
              </option>
            ))}
          </optgroup>
        </select>
      </label>
      <button type="submit" class="secondary">
        {en.markAnswerable}
      </button>
      <MarkNotice notice={notice} />
    </form>
  );
}
