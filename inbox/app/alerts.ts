import type { ConversationSummary } from "../../protocol/index.ts";
import { format } from "../../protocol/index.ts";
import { en } from "../i18n/en.ts";

/**
 * A new handoff in the queue, or a conversation just given to me: a short chime, and a desktop
 * notification when the agent allowed them and is looking elsewhere.
 */
export function alertNewWork(
  before: ConversationSummary | undefined,
  after: ConversationSummary,
  myId: number,
): void {
  const newlyQueued = after.status === "queued" && before?.status !== "queued";
  const newlyMine =
    after.status === "assigned" &&
    after.assigneeId === myId &&
    !(before?.status === "assigned" && before.assigneeId === myId);
  if (!newlyQueued && !newlyMine) return;
  chime();
  const title = newlyMine ? en.notifyAssigned : en.notifyQueued;
  const body = after.lastMessage?.text ?? after.handoff?.summary ?? "";
  notify(format(title, { id: String(after.id) }), body);
}

let audio: AudioContext | undefined;

/** Two soft notes, made on the spot: no sound file to download. */
function chime(): void {
  try {
    audio ??= new AudioContext();
    const start = audio.currentTime;
    for (const [offset, frequency] of [
      [0, 880],
      [0.16, 1320],
    ] as const) {
      const oscillator = audio.createOscillator();
      const gain = audio.createGain();
      oscillator.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, start + offset);
      gain.gain.exponentialRampToValueAtTime(0.15, start + offset + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.3);
      oscillator.connect(gain).connect(audio.destination);
      oscillator.start(start + offset);
      oscillator.stop(start + offset + 0.32);
    }
  } catch (error) {
    // Browsers refuse audio before the first click on the page; the notification still shows.
    console.warn("chime not played", error);
  }
}

function notify(title: string, body: string): void {
  if (typeof Notification === "undefined" || Notification.permission !== "granted") return;
  if (document.visibilityState === "visible" && document.hasFocus()) return;
  new Notification(title, { body, tag: "hfc-inbox" });
}
