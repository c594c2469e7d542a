import { useEffect, useRef, useState } from "preact/hooks";
import type { TeamMember } from "../../protocol/index.ts";
import { format } from "../../protocol/index.ts";
import { en } from "../i18n/en.ts";

/** Choose a colleague or a skill group's queue, and leave them a note. */
export function TransferDialog({
  conversationId,
  team,
  myId,
  onTransfer,
  onClose,
}: {
  conversationId: number;
  team: TeamMember[];
  myId: number;
  onTransfer: (to: { agentId: number } | { skill: string }, note: string) => void;
  onClose: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => dialog.current?.showModal(), []);
  const colleagues = team.filter((member) => member.id !== myId);
  const skills = [...new Set(team.flatMap((member) => member.skills))].sort();
  const [target, setTarget] = useState(
    colleagues[0] ? `agent:${colleagues[0].id}` : `skill:${skills[0] ?? "general"}`,
  );
  const [note, setNote] = useState("");
  const title = format(en.transferTitle, { id: String(conversationId) });

  return (
    <dialog ref={dialog} aria-label={title} onClose={onClose}>
      <form
        method="dialog"
        class="stack"
        onSubmit={(event) => {
          event.preventDefault();
          const [kind, value = ""] = target.split(":");
          onTransfer(kind === "agent" ? { agentId: Number(value) } : { skill: value }, note.trim());
          dialog.current?.close();
        }}
      >
        <h2>{title}</h2>
        <label>
          {en.transferTo}
          <select value={target} onChange={(event) => setTarget(event.currentTarget.value)}>
            {colleagues.map((member) => (
              <option key={member.id} value={`agent:${member.id}`}>
                {format(en.transferToAgent, {
                  name: member.name,
                  presence: en[`presence_${member.presence}`],
                  assigned: String(member.assigned),
                  capacity: String(member.capacity),
                })}
              </option>
            ))}
            {skills.map((skill) => (
              <option key={skill} value={`skill:${skill}`}>
                {format(en.transferToSkill, { skill })}
              </option>
            ))}
          </select>
        </label>
        <label>
          {en.transferNote}
          <textarea
            rows={3}
            value={note}
            dir="auto"
            onInput={(e) => setNote(e.currentTarget.value)}
          />
        </label>
        <div class="row">
          <button type="submit">{en.transfer}</button>
          <button type="button" class="secondary" onClick={() => dialog.current?.close()}>
            {en.cancel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
