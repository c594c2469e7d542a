// The widget's texts: one plain JSON file per language in this folder, English the reference.
// A company adds a language by adding a file; the server lists what is there and serves
// each visitor the texts of theirs (server/widget-language.ts).
import { format } from "../../protocol/format.ts";
import type { SystemEvent, WireMessage } from "../../protocol/index.ts";
import type en from "./en.json";

export type Messages = typeof en;

const EVENT_TEXT = {
  handoff: "eventHandoff",
  joined: "eventJoined",
  transferred: "eventTransferred",
  resolved: "eventResolved",
  reopened: "eventReopened",
} as const satisfies Record<SystemEvent, keyof Messages>;

/**
 * A system message as the customer reads it, in their language (the widget's, and the
 * transcript emailed to them): its event's text, or the stored English one without an event.
 */
export function systemText(texts: Messages, message: WireMessage): string {
  if (!message.event) return message.text;
  return format(texts[EVENT_TEXT[message.event]], { name: message.authorName ?? texts.team });
}
