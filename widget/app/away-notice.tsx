import { useEffect, useRef, useState } from "preact/hooks";
import { format } from "../../protocol/format.ts";
import { useTexts } from "./texts.ts";

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Said at once, before the customer writes: nobody can answer now (outside business hours or
 * nobody online), when the team is back, and, one click away, a place to leave an email.
 */
export function AwayNotice({
  away,
  lang,
  email,
  onEmail,
}: {
  away: { closed: boolean; opensAt?: number };
  lang: string;
  email: string | undefined;
  onEmail: (email: string) => void;
}) {
  const en = useTexts();
  const [asking, setAsking] = useState(false);
  const [draft, setDraft] = useState("");
  const [invalid, setInvalid] = useState(false);
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (asking) field.current?.focus();
  }, [asking]);
  const back =
    away.opensAt === undefined
      ? en.backSoon
      : format(en.backAt, {
          // The browser's own variant of the language decides the clock (en-GB: 24 hours).
          time: new Intl.DateTimeFormat(
            navigator.languages.find((tag) => tag.startsWith(lang)) ?? lang,
            {
              weekday: "long",
              hour: "2-digit",
              minute: "2-digit",
            },
          ).format(away.opensAt),
        });
  return (
    <div class="away">
      <p>
        {away.closed ? en.closedNow : en.nobodyOnline} {back}
      </p>
      {email ? (
        <p>{format(en.emailSaved, { email })}</p>
      ) : !asking ? (
        <button type="button" class="link-button" onClick={() => setAsking(true)}>
          {en.leaveEmailButton}
        </button>
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
              ref={field}
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
