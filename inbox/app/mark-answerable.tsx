import { useEffect, useState } from "preact/hooks";
import type { ConversationSummary } from "../../protocol/index.ts";
import { en } from "../i18n/en.ts";
import { attempt, call } from "./api.ts";

interface EntryTitle {
  id: number;
  lang: string;
  title: string;
}

/**
 * "The FAQ answers this": the agent names the entry (the suggestions first, then every entry
 * in the customer's language) and the customer's words become a pending example for it.
 */
export function MarkAnswerable({ conversation }: { conversation: ConversationSummary }) {
  const [entries, setEntries] = useState<EntryTitle[]>([]);
  const [suggested, setSuggested] = useState<number[]>([]);
  const [notice, setNotice] = useState<{ text: string; failed: boolean } | null>(null);
  const { id } = conversation;
  const language = conversation.language ?? conversation.handoff?.language;
  useEffect(() => {
    let current = true;
    void attempt(async () => {
      const [all, suggestions] = await Promise.all([
        call<{ entries: EntryTitle[] }>("GET", "/api/desk/faq"),
        call<{ suggestions: { faqId: number }[] }>(
          "GET",
          `/api/desk/conversations/${id}/suggestions`,
        ),
      ]);
      if (!current) return;
      setEntries(all.entries);
      setSuggested(suggestions.suggestions.map((s) => s.faqId));
    });
    return () => {
      current = false;
    };
  }, [id]);
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
        void attempt(async () => {
          const { mark } = await call<{ mark: { status: string } }>(
            "POST",
            `/api/desk/conversations/${id}/marks`,
            { kind: "answerable", faqId },
          );
          setNotice({
            text: mark.status === "accepted" ? en.markAccepted : en.markPending,
            failed: false,
          });
        }).then((failed) => failed && setNotice({ text: failed, failed: true }));
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
      {notice && (
        <p role={notice.failed ? "alert" : "status"} class={notice.failed ? "form-error" : "hint"}>
          {notice.text}
        </p>
      )}
    </form>
  );
}
