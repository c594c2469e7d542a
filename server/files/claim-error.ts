import { FilesUnavailable } from "../../db/index.ts";
import type { ErrorFrame } from "../../protocol/index.ts";

/**
 * Stores a message that names uploads, at most `perMessage` of them (the admin's limit); when
 * they are not the sender's to send (another message took them, they were dropped unsent),
 * the sender gets an error for that message and nothing is stored.
 */
export async function withFiles<T>(
  message: { clientId: string; attachments?: number[] | undefined },
  perMessage: number,
  store: () => Promise<T>,
): Promise<T | ErrorFrame> {
  const { clientId } = message;
  if ((message.attachments?.length ?? 0) > perMessage) {
    const text = `At most ${perMessage} files can go with one message.`;
    return { type: "error", code: "invalid_frame", message: text, clientId };
  }
  try {
    return await store();
  } catch (error) {
    if (!(error instanceof FilesUnavailable)) throw error;
    return { type: "error", code: "not_found", message: error.message, clientId };
  }
}
