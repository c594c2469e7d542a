import type { ComponentChildren } from "preact";
import { useEffect, useState } from "preact/hooks";
import { format } from "../../protocol/format.ts";
import type { Place, VisitorConversation } from "../../protocol/index.ts";
import type { Messages } from "../i18n/messages.ts";
import { AwayNotice } from "./away-notice.tsx";
import type { ChatClient, ChatState } from "./chat-client.ts";
import { Composer } from "./composer.tsx";
import { type CustomerView, customerView } from "./customer-view.ts";
import type { WidgetConfig } from "./main.tsx";
import { MessageList } from "./message-list.tsx";
import { RatingForm } from "./rating-form.tsx";
import { SoundToggle } from "./sound-toggle.tsx";
import { useTexts } from "./texts.ts";
import { TranscriptOffer } from "./transcript-offer.tsx";

interface Props {
  client: ChatClient;
  open: boolean;
  /** The visitor's language, the company's greeting in it, and what else is offered. */
  config: WidgetConfig;
  onSwitch: (lang: string) => void;
  onClose: () => void;
}

export function ChatPanel({ client, open, config, onSwitch, onClose }: Props) {
  const { lang } = config;
  const en = useTexts();
  const [state, setState] = useState<ChatState>(client.state);
  useEffect(() => {
    const unsubscribe = client.subscribe(setState);
    // Frames may have arrived between the first render and this effect.
    setState(client.state);
    return unsubscribe;
  }, [client]);
  const { conversation } = state;
  const view = customerView({ ...state, status: conversation?.status });
  // Notices the customer closed stay closed until what they say changes.
  const [dismissed, setDismissed] = useState<string[]>([]);
  const notice = (id: string, content: ComponentChildren) =>
    !dismissed.includes(id) && (
      <Notice onDismiss={() => setDismissed([...dismissed, id])}>{content}</Notice>
    );

  return (
    <section
      id="hfc-panel"
      class="panel"
      hidden={!open}
      aria-label={en.title}
      lang={lang}
      dir={en.dir as "ltr" | "rtl"}
      onKeyDown={(event) => {
        if (event.key === "Escape") onClose();
      }}
    >
      <header class="panel-header">
        <div>
          <h2 class="panel-title">{en.title}</h2>
          <p class="panel-status" role="status">
            {statusLine(en, view, conversation)}
          </p>
        </div>
        <SoundToggle />
        <button type="button" class="icon-button" aria-label={en.closeChat} onClick={onClose}>
          ×
        </button>
      </header>
      {state.writtenIn &&
        state.writtenIn !== lang &&
        config.offered.includes(state.writtenIn) &&
        notice(
          `lang${state.writtenIn}`,
          <LanguageOffer lang={state.writtenIn} onSwitch={onSwitch} />,
        )}
      {view.place && notice(`place${conversation?.id}`, placeText(en, view.place))}
      {view.away &&
        notice(
          `away${view.away.closed}`,
          <AwayNotice
            away={view.away}
            lang={lang}
            email={state.email}
            onEmail={(email) => client.leaveEmail(email)}
          />,
        )}
      <MessageList
        messages={state.messages}
        outbox={state.outbox}
        greeting={config.greeting ?? en.empty}
        readSeq={state.readSeq}
        onDismiss={(id) => client.dismiss(id)}
        server={client.server}
      />
      <p class="typing" aria-live="polite">
        {state.agentTyping ? en.agentTyping : ""}
      </p>
      {conversation?.status === "resolved" && (
        <RatingForm
          key={conversation.id}
          rating={conversation.rating}
          onRate={(score, comment) => client.rate(conversation.id, score, comment)}
        />
      )}
      {conversation?.status === "resolved" && config.transcripts && (
        <TranscriptOffer
          key={conversation.id}
          sentTo={
            state.transcriptSent?.conversationId === conversation.id
              ? state.transcriptSent.email
              : undefined
          }
          email={state.email}
          onSend={(email) => client.emailTranscript(conversation.id, email, lang)}
        />
      )}
      {view.person !== "none" && (
        <div class="actions">
          <button
            type="button"
            class="person-button"
            aria-disabled={view.person === "coming"}
            onClick={() => view.person === "offer" && client.talkToPerson()}
          >
            {view.person === "coming" ? en.personComing : en.talkToPerson}
          </button>
        </div>
      )}
      <Composer
        onSend={(text, files) => client.send(text, files)}
        onTyping={() => client.typing()}
        autoFocus={open}
        limits={config.files}
        uploadTarget={() => client.uploadTarget()}
      />
    </section>
  );
}

function statusLine(
  en: Messages,
  view: CustomerView,
  conversation: VisitorConversation | null,
): string {
  return format(en[view.status], { name: conversation?.agentName ?? en.team });
}

/** "Switch to polski": the customer wrote in another language the company offers. */
function LanguageOffer({ lang, onSwitch }: { lang: string; onSwitch: (lang: string) => void }) {
  const en = useTexts();
  const name = new Intl.DisplayNames([lang], { type: "language" }).of(lang) ?? lang;
  return (
    <button type="button" class="link-button" lang={lang} onClick={() => onSwitch(lang)}>
      {format(en.switchTo, { language: name })}
    </button>
  );
}

/** A compact notice over the transcript that the customer can close. */
function Notice({ children, onDismiss }: { children: ComponentChildren; onDismiss: () => void }) {
  const en = useTexts();
  return (
    <div class="notice">
      <div role="status">{children}</div>
      <button type="button" class="icon-button" aria-label={en.hideNotice} onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}

/** "You are number 3 in line. Expected wait: about 6 min." in the customer's language. */
function placeText(en: Messages, place: Place): string {
  const line =
    place.position === 1 ? en.queueNext : format(en.queuePosition, { position: place.position });
  const minutes = place.waitMinutes;
  const wait =
    minutes === undefined
      ? en.waitFewMinutes
      : minutes === 0
        ? en.waitUnderMinute
        : format(en.waitMinutes, { minutes });
  return `${line} ${wait}`;
}
