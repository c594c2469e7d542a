import { useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";
import type { Attachment, FileLimits } from "../../protocol/files.ts";
import { format } from "../../protocol/format.ts";
import { MAX_TEXT_LENGTH } from "../../protocol/limits.ts";
import { FilePicker, Tray, type UploadTarget, useAttachments } from "./attachments.tsx";
import { useTexts } from "./texts.ts";

/** From here on the box shows how many characters are left. */
const COUNT_FROM = MAX_TEXT_LENGTH - 500;

/**
 * The message box: grows with what is written (up to a limit set in CSS), sends on Enter, and
 * never cuts a text: past the limit it says by how much and refuses to send until shortened.
 * Files come with the paperclip, by pasting (a screenshot) or by dropping them on it.
 */
export function Composer({
  onSend,
  onTyping,
  autoFocus,
  limits,
  uploadTarget,
}: {
  onSend: (text: string, files: Attachment[]) => void;
  onTyping: () => void;
  autoFocus: boolean;
  limits: FileLimits;
  uploadTarget: () => UploadTarget;
}) {
  const en = useTexts();
  const [text, setText] = useState("");
  const input = useRef<HTMLTextAreaElement>(null);
  const files = useAttachments(limits, uploadTarget, en);
  const attaching = limits.types.length > 0;
  useEffect(() => {
    if (autoFocus) input.current?.focus();
  }, [autoFocus]);
  useLayoutEffect(() => {
    const box = input.current;
    if (!box) return;
    box.style.height = "auto";
    box.style.height = `${box.scrollHeight + box.offsetHeight - box.clientHeight}px`;
  }, [text]);
  const over = text.trim().length - MAX_TEXT_LENGTH;
  const counting = text.length > COUNT_FROM;

  function submit(): void {
    const trimmed = text.trim();
    const ready = files.ready();
    if ((!trimmed && !ready?.length) || over > 0 || !ready) return;
    onSend(trimmed, ready);
    setText("");
    files.clear();
  }

  return (
    <form
      class="composer"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
      onDragOver={(event) => {
        if (attaching && event.dataTransfer?.types.includes("Files")) event.preventDefault();
      }}
      onDrop={(event) => {
        if (!attaching || !event.dataTransfer?.files.length) return;
        event.preventDefault();
        void files.add([...event.dataTransfer.files]);
      }}
    >
      <Tray drafts={files.drafts} onRemove={files.remove} texts={en} />
      {files.notice && (
        <p class="count over" role="alert">
          {files.notice}
        </p>
      )}
      {counting && (
        <p
          id="hfc-count"
          class={over > 0 ? "count over" : "count"}
          role={over > 0 ? "alert" : undefined}
        >
          {over > 0
            ? format(en.tooLong, { count: over, max: MAX_TEXT_LENGTH })
            : format(en.charactersLeft, { count: -over })}
        </p>
      )}
      <textarea
        ref={input}
        aria-label={en.message}
        aria-describedby={counting ? "hfc-count" : undefined}
        aria-invalid={over > 0}
        rows={1}
        value={text}
        dir="auto"
        onInput={(event) => {
          setText(event.currentTarget.value);
          onTyping();
        }}
        onPaste={files.paste}
        onKeyDown={(event) => {
          if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
            event.preventDefault();
            submit();
          }
        }}
      />
      <FilePicker
        limits={limits}
        onFiles={(picked) => void files.add(picked)}
        label={en.attach}
        class="icon-button attach-button"
      >
        <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
          <path
            d="M16.5 6.5v10a4.5 4.5 0 0 1-9 0V5a3 3 0 0 1 6 0v10.5a1.5 1.5 0 0 1-3 0V6.5"
            fill="none"
            stroke="currentColor"
            stroke-width="1.8"
            stroke-linecap="round"
          />
        </svg>
      </FilePicker>
      <button
        type="submit"
        class="send-button"
        aria-disabled={over > 0 || files.ready() === undefined}
      >
        {en.send}
      </button>
    </form>
  );
}
