import { useState } from "preact/hooks";
import { format } from "../../protocol/format.ts";
import type { Availability } from "../../protocol/index.ts";
import { useTexts } from "./texts.ts";

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Said at once, before the customer writes: nobody can answer now (outside business hours or
 * nobody online), when the team is back, and a place to leave an email for the answer.
 */
export function AwayNotice({
  availability,
  lang,
  email,
  onEmail,
}: {
  availability: Availability;
  lang: string;
  email: string | undefined;
  onEmail: (email: string) => void;
}) {
  const en = useTexts();
  const [draft, setDraft] = useState("");
  const [invalid, setInvalid] = useState(false);
  const back =
    availability.opensAt === undefined
      ? ""
      : ` ${format(en.backAt, {
          // The browser's own variant of the language decides the clock (en-GB: 24 hours).
          time: new Intl.DateTimeFormat(
            navigator.languages.find((tag) => tag.startsWith(lang)) ?? lang,
            {
              weekday: "long",
              hour: "2-digit",
              minute: "2-digit",
            },
          ).format(availability.opensAt),
        })}`;
  return (
    <div class="away" role="status">
      <p>
        {availability.open ? en.nobodyOnline : en.closedNow}
        {back}
      </p>
      {email ? (
        <p>{format(en.emailSaved, { email })}</p>
      ) : (
        <form
          class="email-form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            const address = draft.trim();
            setInvalid(!EMAIL.test(address));
            if (EMAIL.test(address)) onEmail(address);
          }}
        >
          <p id="hfc-email-hint">{en.leaveEmail}</p>
          <div class="email-row">
            <input
              type="email"
              autocomplete="email"
              aria-label={en.email}
              aria-describedby="hfc-email-hint"
              aria-invalid={invalid}
              value={draft}
              onInput={(event) => setDraft(event.currentTarget.value)}
            />
            <button type="submit" class="send-button">
              {en.saveEmail}
            </button>
          </div>
          {invalid && (
            <p class="field-error" role="alert">
              {en.emailInvalid}
            </p>
          )}
        </form>
      )}
    </div>
  );
}
