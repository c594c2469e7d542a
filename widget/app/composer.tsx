import { useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";
import { format } from "../../protocol/format.ts";
import { MAX_TEXT_LENGTH } from "../../protocol/limits.ts";
import { useTexts } from "./texts.ts";

/** From here on the box shows how many characters are left. */
const COUNT_FROM = MAX_TEXT_LENGTH - 500;

/**
 * The message box: grows with what is written (up to a limit set in CSS), sends on Enter, and
 * never cuts a text: past the limit it says by how much and refuses to send until shortened.
 */
export function Composer({
  onSend,
  onTyping,
  autoFocus,
}: {
  onSend: (text: string) => void;
  onTyping: () => void;
  autoFocus: boolean;
}) {
  const en = useTexts();
  const [text, setText] = useState("");
  const input = useRef<HTMLTextAreaElement>(null);
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
    if (!trimmed || over > 0) return;
    onSend(trimmed);
    setText("");
  }

  return (
    <form
      class="composer"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
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
        onKeyDown={(event) => {
          if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
            event.preventDefault();
            submit();
          }
        }}
      />
      <button type="submit" class="send-button" aria-disabled={over > 0}>
        {en.send}
      </button>
    </form>
  );
}
