import { useState } from "preact/hooks";
import { HANDOFF_REASONS } from "../../protocol/index.ts";
import { en } from "../i18n/en.ts";
import { reasonLabel } from "./labels.ts";
import { MarkNotice, useMark } from "./mark-notice.tsx";

/** Under a bot answer: "this should have gone to a person", with the reason. */
export function MarkNeedsPerson({ conversationId, seq }: { conversationId: number; seq: number }) {
  const [open, setOpen] = useState(false);
  const { notice, send } = useMark(conversationId, en.markNeedsPersonAccepted);
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
        void send({ kind: "needs_person", reason, seq });
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
      <MarkNotice notice={notice} />
    </form>
  );
}
