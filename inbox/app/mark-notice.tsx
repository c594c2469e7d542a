import { useState } from "preact/hooks";
import { en } from "../i18n/en.ts";
import { attempt, call } from "./api.ts";

interface Notice {
  text: string;
  failed: boolean;
}

/**
 * Sends an agent's mark on a conversation and keeps what to tell them: applied at once (the
 * admin set that), waiting for review, or the server's refusal.
 */
export function useMark(conversationId: number, applied: string) {
  const [notice, setNotice] = useState<Notice | null>(null);
  async function send(body: unknown): Promise<void> {
    const failed = await attempt(async () => {
      const { mark } = await call<{ mark: { status: string } }>(
        "POST",
        `/api/desk/conversations/${conversationId}/marks`,
        body,
      );
      setNotice({ text: mark.status === "accepted" ? applied : en.markPending, failed: false });
    });
    if (failed) setNotice({ text: failed, failed: true });
  }
  return { notice, send };
}

export function MarkNotice({ notice }: { notice: Notice | null }) {
  if (!notice) return null;
  return (
    <p role={notice.failed ? "alert" : "status"} class={notice.failed ? "form-error" : "hint"}>
      {notice.text}
    </p>
  );
}
