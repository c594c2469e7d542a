import { useEffect, useRef, useState } from "preact/hooks";
import { MAX_TEXT_LENGTH } from "../../protocol/limits.ts";
import { useTexts } from "./texts.ts";

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

  function submit(): void {
    const trimmed = text.trim();
    if (!trimmed) return;
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
      <textarea
        ref={input}
        aria-label={en.message}
        rows={2}
        maxLength={MAX_TEXT_LENGTH}
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
      <button type="submit" class="send-button">
        {en.send}
      </button>
    </form>
  );
}
