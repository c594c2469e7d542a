import { useState } from "preact/hooks";
import { setSoundWanted, soundWanted } from "./sound.ts";
import { useTexts } from "./texts.ts";

/** A bell that turns the reply chime on and off; the choice is kept in this browser. */
export function SoundToggle() {
  const en = useTexts();
  const [on, setOn] = useState(soundWanted);
  return (
    <button
      type="button"
      class="icon-button sound"
      aria-label={en.sound}
      aria-pressed={on}
      onClick={() => {
        setSoundWanted(!on);
        setOn(!on);
      }}
    >
      <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
        <path
          fill="currentColor"
          d="M12 22a2 2 0 0 0 2-2h-4a2 2 0 0 0 2 2zm6-6V11a6 6 0 0 0-5-5.9V4a1 1 0 0 0-2 0v1.1A6 6 0 0 0 6 11v5l-2 2v1h16v-1z"
        />
        {!on && <path stroke="currentColor" stroke-width="2" d="M3 3l18 18" />}
      </svg>
    </button>
  );
}
