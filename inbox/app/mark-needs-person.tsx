import { useState } from "preact/hooks";
import { HANDOFF_REASONS } from "../../protocol/index.ts";
import { en } from "../i18n/en.ts";
import { attempt, call } from "./api.ts";
import { reasonLabel } from "./labels.ts";

/** Under a bot answer: "this should have gone to a person", with the reason. */
export function MarkNeedsPerson({ conversationId, seq }: { conversationId: number; seq: number }) {
  const [open, setOpen] = useState(false);
  const [notice, setNotice] = useState<{ text: string; failed: boolean } | null>(null);
  if (!open) {
    return (
      <button type="button" class="link" onClick={() => setOpen(true)}>
        {en.markNeedsPerson}
      </button>
    );
  }
  return (
    <form
      class="row mark"
      aria-label={en.markNeedsPerson}
      onSubmit={(event) => {
        event.preventDefault();
        const reason = String(new FormData(event.currentTarget).get("reason"));
        void attempt(async () => {
          const { mark } = await call<{ mark: { status: string } }>(
            "POST",
            `/api/desk/conversations/${conversationId}/marks`,
            { kind: "needs_person", reason, seq },
          );
          setNotice({
            text: mark.status === "accepted" ? en.markNeedsPersonAccepted : en.markPending,
            failed: false,
          });
        }).then((failed) => failed && setNotice({ text: failed, failed: true }));
      }}
    >
      <label>
        {en.markReason}
        <select name="reason">
          {HANDOFF_REASONS.map((reason) => (
            <option key={reason} value={reason}>
              {reasonLabel(reason)}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" class="secondary">
        {en.markSend}
      </button>
      {notice && (
        <p role={notice.failed ? "alert" : "status"} class={notice.failed ? "form-error" : "hint"}>
          {notice.text}
        </p>
      )}
    </form>
  );
}
