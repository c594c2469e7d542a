import type { Attachment, WireMessage } from "../../protocol/index.ts";
import { sameSignature, sign } from "../auth/signing.ts";

/** A link works this long after the frame that carried it; every new frame carries fresh ones. */
export const LINK_TTL_MS = 60 * 60_000;
/** Expiries are rounded up to this, so the same file keeps the same link (and the browser's cache) for a while. */
const ROUNDING_MS = 5 * 60_000;

/**
 * Signed links to files: whoever holds one may fetch that file until it expires, and only
 * those who receive the conversation's messages (its customer, the agents) are given one.
 * Links are added as frames leave for a socket, so the stored messages hold none.
 */
export function fileLinks(secret: string, now: () => number) {
  const signature = (id: number, expires: number) =>
    sign(secret, `file:${id}:${expires}`, "base64url");

  function withLink(file: Attachment): Attachment {
    const expires = Math.ceil((now() + LINK_TTL_MS) / ROUNDING_MS) * ROUNDING_MS;
    const name = encodeURIComponent(file.name);
    const url = `/files/${file.id}/${name}?expires=${expires}&sig=${signature(file.id, expires)}`;
    return { ...file, url };
  }

  function linked(message: WireMessage): WireMessage {
    return message.attachments
      ? { ...message, attachments: message.attachments.map(withLink) }
      : message;
  }

  return {
    linked,

    /** The frame as a socket receives it: any messages it carries with their files' links. */
    inFrame<F extends { type: string }>(frame: F): F {
      if ("message" in frame && frame.type === "message") {
        const message = frame.message as WireMessage;
        return message.attachments ? { ...frame, message: linked(message) } : frame;
      }
      if ("messages" in frame && Array.isArray(frame.messages)) {
        const messages = frame.messages as WireMessage[];
        if (!messages.some((message) => message.attachments)) return frame;
        return { ...frame, messages: messages.map(linked) };
      }
      return frame;
    },

    /** Whether a link's signature holds; "expired" when it did but its time is over. */
    check(id: number, expires: number, sig: string): "valid" | "expired" | "invalid" {
      if (!sameSignature(sig, signature(id, expires))) return "invalid";
      return expires < now() ? "expired" : "valid";
    },
  };
}

export type FileLinks = ReturnType<typeof fileLinks>;
