import { useState } from "preact/hooks";
import { format } from "../../protocol/format.ts";
import { useTexts } from "./texts.ts";

/** At the end of a conversation: "Email me this conversation", to the address they choose. */
export function TranscriptOffer({
  sentTo,
  email,
  onSend,
}: {
  sentTo: string | undefined;
  /** The address the customer left before, offered first. */
  email: string | undefined;
  onSend: (email: string) => void;
}) {
  const en = useTexts();
  const [address, setAddress] = useState(email ?? "");
  if (sentTo) {
    return (
      <p class="rating-done" role="status">
        {format(en.transcriptSent, { email: sentTo })}
      </p>
    );
  }
  return (
    <details class="transcript-offer">
      <summary>{en.transcriptOffer}</summary>
      <form
        class="email-row"
        aria-label={en.transcriptOffer}
        onSubmit={(event) => {
          event.preventDefault();
          onSend(address.trim());
        }}
      >
        <input
          type="email"
          required
          autocomplete="email"
          aria-label={en.email}
          value={address}
          onInput={(event) => setAddress(event.currentTarget.value)}
        />
        <button type="submit" class="send-button">
          {en.send}
        </button>
      </form>
    </details>
  );
}
