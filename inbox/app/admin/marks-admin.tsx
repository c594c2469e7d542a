import { useState } from "preact/hooks";
import { format, type HandoffReason } from "../../../protocol/index.ts";
import { en } from "../../i18n/en.ts";
import { attempt, call } from "../api.ts";
import { reasonLabel } from "../labels.ts";
import { useResource } from "../use-resource.ts";

interface Mark {
  id: number;
  kind: "answerable" | "needs_person";
  text: string;
  language: string;
  faqId: number | null;
  reason: HandoffReason | null;
}

/**
 * The agents' marks waiting for review: accept (the bot learns it at once) or reject; and the
 * setting that applies them without review.
 */
export function MarksAdmin({
  titles,
  onLearned,
}: {
  titles: Map<number, string>;
  onLearned: () => void;
}) {
  const marks = useResource<{ marks: Mark[] }>("/api/admin/marks?status=pending");
  const settings = useResource<{ learning: { acceptMarks: boolean } }>("/api/admin/settings");
  const [error, setError] = useState<string | null>(null);
  async function review(id: number, accept: boolean): Promise<void> {
    const failed = await attempt(() =>
      call("POST", `/api/admin/marks/${id}/${accept ? "accept" : "reject"}`),
    );
    setError(failed);
    marks.reload();
    if (accept && !failed) onLearned();
  }
  async function setAcceptAtOnce(acceptMarks: boolean): Promise<void> {
    setError(await attempt(() => call("PUT", "/api/admin/settings/learning", { acceptMarks })));
    settings.reload();
  }
  const pending = marks.data?.marks ?? [];
  return (
    <section aria-labelledby="marks-title" class="card stack">
      <h3 id="marks-title">{en.marksTitle}</h3>
      <p>{en.marksIntro}</p>
      {settings.data && (
        <label class="check">
          <input
            type="checkbox"
            checked={settings.data.learning.acceptMarks}
            onChange={(event) => void setAcceptAtOnce(event.currentTarget.checked)}
          />
          {en.marksAcceptAtOnce}
        </label>
      )}
      {(error ?? marks.error) && (
        <p class="form-error" role="alert">
          {error ?? marks.error}
        </p>
      )}
      {pending.length === 0 ? (
        <p>{en.marksNone}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>{en.faqLang}</th>
              <th>{en.markWords}</th>
              <th>{en.markVerdict}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {pending.map((mark) => (
              <tr key={mark.id}>
                <td>{mark.language}</td>
                <td dir="auto">{mark.text}</td>
                <td dir="auto">
                  {mark.kind === "answerable"
                    ? format(en.markAnswerableBy, { title: titles.get(mark.faqId ?? 0) ?? "" })
                    : format(en.markNeedsPersonFor, {
                        reason: mark.reason ? reasonLabel(mark.reason) : "",
                      })}
                </td>
                <td class="row">
                  <button type="button" onClick={() => void review(mark.id, true)}>
                    {en.markAccept}
                  </button>
                  <button
                    type="button"
                    class="secondary"
                    onClick={() => void review(mark.id, false)}
                  >
                    {en.markReject}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
