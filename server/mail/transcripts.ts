import { type Db, readTranscript } from "../../db/index.ts";
import type { ConversationSummary } from "../../protocol/index.ts";
import type { Settings } from "../settings-store.ts";
import { customerAddress } from "./email-texts.ts";
import type { MailOutbox } from "./outbox.ts";
import { transcriptEmail } from "./transcript-email.ts";

/**
 * Conversations by email, through the outbox: to the address a customer gives for it, and,
 * when the admin made it automatic, to the one they left once a person resolves it.
 */
export function createTranscripts(deps: { db: Db; outbox: MailOutbox; settings: Settings }) {
  const { db, outbox, settings } = deps;

  async function send(conversationId: number, to: string, language: string): Promise<void> {
    const messages = await readTranscript(db, conversationId, 0, "customer");
    const { timeZone } = settings.widget().hours;
    await outbox.send({ ...transcriptEmail(messages, to, { language, timeZone }), conversationId });
  }

  return {
    send,

    /** A person resolved it: sent on its own when the admin chose so and an address is known. */
    async resolved(conversation: ConversationSummary): Promise<void> {
      if (settings.widget().transcripts !== "always") return;
      const to = customerAddress(conversation);
      if (to) await send(conversation.id, to, conversation.language ?? "en");
    },
  };
}

export type Transcripts = ReturnType<typeof createTranscripts>;
