import type { RefObject } from "preact";
import { useEffect, useState } from "preact/hooks";
import { type ConversationSummary, type FileLimits, format } from "../../protocol/index.ts";
import { FilePicker, Tray, useAttachments } from "../../widget/app/attachments.tsx";
import { en } from "../i18n/en.ts";
import { type Canned, cannedMatches, typedShortcut, useCanned } from "./canned.ts";
import type { InboxClient } from "./inbox-client.ts";
import type { Suggestion } from "./suggestions.ts";

/**
 * Where the agent writes: a reply to the customer (when the conversation is theirs) or an
 * internal note. "/" and a shortcut offers canned responses; FAQ answers that fit the
 * customer's last message are one click away. Everything inserted can be edited before sending.
 * Files come with the paperclip or by pasting; they upload at once and go with the message.
 */
export function Composer({
  conversation,
  canReply,
  client,
  inputRef,
  suggestions,
  limits,
}: {
  conversation: ConversationSummary;
  canReply: boolean;
  client: InboxClient;
  inputRef: RefObject<HTMLTextAreaElement | null>;
  suggestions: Suggestion[];
  limits: FileLimits;
}) {
  const files = useAttachments(
    limits,
    () => ({ url: `/api/desk/conversations/${conversation.id}/files`, token: undefined }),
    en,
  );
  // Uploads belong to one conversation's customer: opening another leaves them behind.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the conversation changes.
  useEffect(() => files.clear(), [conversation.id]);
  const [draft, setDraft] = useState("");
  const [internal, setInternal] = useState(!canReply);
  const [highlighted, setHighlighted] = useState(0);
  const canned = useCanned();
  useEffect(() => setInternal(!canReply), [canReply]);

  const matches = cannedMatches(draft, canned);
  const asNote = internal || !canReply;

  function send(): void {
    const text = draft.trim();
    const ready = files.ready();
    if (!ready || (!text && ready.length === 0)) return;
    client.write(conversation.id, text, asNote, ready);
    setDraft("");
    files.clear();
  }

  function insert(text: string): void {
    setDraft(text);
    setHighlighted(0);
    inputRef.current?.focus();
  }

  function onKeyDown(event: KeyboardEvent): void {
    if (matches.length > 0) {
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        const step = event.key === "ArrowDown" ? 1 : -1;
        setHighlighted((highlighted + step + matches.length) % matches.length);
        return;
      }
      if (event.key === "Enter" || event.key === "Tab") {
        event.preventDefault();
        insert((matches[highlighted] ?? (matches[0] as Canned)).text);
        return;
      }
    }
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      send();
    }
  }

  return (
    <div class={`composer${asNote ? " note-mode" : ""}`}>
      {canReply && suggestions.length > 0 && (
        <section class="suggestions" aria-label={en.suggestions}>
          <h3>{en.suggestions}</h3>
          <ul>
            {suggestions.map((suggestion) => (
              <li key={suggestion.faqId}>
                <button type="button" class="chip" onClick={() => insert(suggestion.answer)}>
                  {en.insert}: {suggestion.title}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <fieldset class="mode">
        <legend class="visually-hidden">{en.mode}</legend>
        {canReply && (
          <label>
            <input type="radio" name="mode" checked={!asNote} onChange={() => setInternal(false)} />
            {en.mode_reply}
          </label>
        )}
        <label>
          <input type="radio" name="mode" checked={asNote} onChange={() => setInternal(true)} />
          {en.mode_note}
        </label>
      </fieldset>
      <Tray drafts={files.drafts} onRemove={files.remove} texts={en} />
      {files.notice && (
        <p class="form-error" role="alert">
          {files.notice}
        </p>
      )}
      <form
        class="reply"
        onSubmit={(event) => {
          event.preventDefault();
          send();
        }}
      >
        <textarea
          ref={inputRef}
          aria-label={asNote ? en.noteLabel : en.replyLabel}
          aria-describedby="composer-hint"
          rows={3}
          value={draft}
          dir="auto"
          onInput={(event) => {
            setDraft(event.currentTarget.value);
            setHighlighted(0);
            if (!asNote) client.typing(conversation.id);
          }}
          onKeyDown={onKeyDown}
          onPaste={files.paste}
        />
        <FilePicker
          limits={limits}
          onFiles={(picked) => void files.add(picked)}
          label={en.attach}
          class="secondary"
        >
          {en.attach}
        </FilePicker>
        <button type="submit" aria-disabled={files.ready() === undefined}>
          {asNote ? en.addNote : en.send}
        </button>
      </form>
      {matches.length > 0 && (
        <ul class="canned-list" aria-label={en.cannedList}>
          {matches.map((item, index) => (
            <li key={item.id}>
              <button
                type="button"
                aria-current={index === highlighted ? "true" : undefined}
                onClick={() => insert(item.text)}
              >
                <strong>/{item.shortcut}</strong> <span dir="auto">{item.text}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <p id="composer-hint" class="hint" aria-live="polite">
        {cannedHint(draft, canned.length, matches.length)}
      </p>
    </div>
  );
}

/** What "/" offers: the usual hint, or why nothing shows. */
function cannedHint(draft: string, known: number, matching: number): string {
  if (typedShortcut(draft) === undefined || matching > 0) return en.cannedHint;
  return known === 0 ? en.cannedNone : format(en.cannedNoMatch, { typed: draft });
}
