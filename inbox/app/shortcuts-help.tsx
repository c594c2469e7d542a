import { useEffect, useRef } from "preact/hooks";
import { en } from "../i18n/en.ts";
import { SHORTCUTS } from "./shortcuts.ts";

export function ShortcutsHelp({ onClose }: { onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => dialog.current?.showModal(), []);
  return (
    <dialog ref={dialog} aria-label={en.shortcuts} onClose={onClose}>
      <h2>{en.shortcuts}</h2>
      <dl class="shortcuts">
        {SHORTCUTS.map((shortcut) => (
          <div key={shortcut.key}>
            <dt>
              <kbd>{shortcut.key}</kbd>
            </dt>
            <dd>{en[shortcut.label]}</dd>
          </div>
        ))}
      </dl>
      <button type="button" onClick={() => dialog.current?.close()}>
        {en.close}
      </button>
    </dialog>
  );
}
