import type { Text } from "../i18n/en.ts";

export type Command = "next" | "previous" | "claim" | "reply" | "resolve" | "search" | "help";

/** Single keys, as in Gmail and Zendesk; listed behind "?". */
export const SHORTCUTS: { key: string; command: Command | "escape"; label: Text }[] = [
  { key: "j", command: "next", label: "key_next" },
  { key: "k", command: "previous", label: "key_previous" },
  { key: "c", command: "claim", label: "key_claim" },
  { key: "r", command: "reply", label: "key_reply" },
  { key: "e", command: "resolve", label: "key_resolve" },
  { key: "/", command: "search", label: "key_search" },
  { key: "?", command: "help", label: "key_help" },
  { key: "Esc", command: "escape", label: "key_escape" },
];

/**
 * The command a key press means, or undefined. Keys typed into a text field are text, never
 * commands; nor are presses with Ctrl, Alt or Meta (the browser's own shortcuts).
 */
export function commandFor(
  event: Pick<KeyboardEvent, "key" | "ctrlKey" | "altKey" | "metaKey">,
  typingInField: boolean,
): Command | undefined {
  if (typingInField || event.ctrlKey || event.altKey || event.metaKey) return undefined;
  const found = SHORTCUTS.find((shortcut) => shortcut.key === event.key);
  return found && found.command !== "escape" ? found.command : undefined;
}

export function isTextField(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName))
  );
}
