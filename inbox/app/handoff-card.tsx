import { useEffect, useState } from "preact/hooks";
import type { ConversationSummary } from "../../protocol/index.ts";
import { format } from "../../protocol/index.ts";
import { en } from "../i18n/en.ts";
import { call } from "./api.ts";
import { customerLabel, reasonLabel, statusLabel } from "./labels.ts";
import { MarkAnswerable } from "./mark-answerable.tsx";
import type { Suggestion } from "./suggestions.ts";

/**
 * Why the conversation came to a person, how urgent it is and what changed since: folded or
 * open as the agent last left it.
 */
export function HandoffCard({
  conversation,
  suggestions,
}: {
  conversation: ConversationSummary;
  suggestions: Suggestion[];
}) {
  const { handoff } = conversation;
  const [expanded, setExpanded] = useState(cardExpanded);
  if (!handoff) return null;
  const why = format(en.handoffReason, {
    reasons: handoff.reasons.map((r) => reasonLabel(r.reason)).join(", "),
  });
  return (
    <section class="handoff" aria-label={en.handoff}>
      <details
        open={expanded}
        onToggle={(event) => {
          const open = event.currentTarget.open;
          setExpanded(open);
          rememberCard(open);
        }}
      >
        <summary>
          <strong>{why}</strong>
        </summary>
        <ul class="facts">
          <li>{format(en.priority, { value: String(conversation.priority) })}</li>
          <li>{format(en.language, { value: conversation.language ?? handoff.language })}</li>
          {conversation.skill && <li>{format(en.skill, { value: conversation.skill })}</li>}
        </ul>
        {handoff.history?.map((before) => (
          <p key={before.at} class="hint">
            {format(en.reasonsChanged, {
              reasons: before.reasons.map(reasonLabel).join(", "),
              priority: String(before.priority),
            })}
          </p>
        ))}
        {handoff.summary && (
          <p class="summary" dir="auto">
            {handoff.summary}
          </p>
        )}
        <MarkAnswerable conversation={conversation} suggestions={suggestions} />
      </details>
    </section>
  );
}

/**
 * Who the customer is and where they came from: beside the transcript on a wide screen, so
 * the conversation keeps the height it needs.
 */
export function CustomerPanel({
  conversation,
  emailEnabled,
  onOpen,
}: {
  conversation: ConversationSummary;
  emailEnabled: boolean;
  onOpen: (id: number) => void;
}) {
  const { customer, page, contactEmail, rating } = conversation;
  const earlier = useEarlier(conversation);
  return (
    <aside class="customer-panel" aria-label={en.customer}>
      <dl class="details">
        <dt>{en.customerInfo}</dt>
        <dd dir="auto">{customerLabel(customer, conversation.visitorId)}</dd>
        {contactEmail && (
          <>
            <dt>{en.contactEmail}</dt>
            <dd>
              <a href={`mailto:${contactEmail}`}>{contactEmail}</a>
              <small class="field-note">{emailEnabled ? en.emailWhenAway : en.noEmailSent}</small>
            </dd>
          </>
        )}
        {rating && (
          <>
            <dt>{en.rating}</dt>
            <dd dir="auto">
              {format(en.ratingValue, { score: String(rating.score) })}
              {rating.comment && ` · “${rating.comment}”`}
            </dd>
          </>
        )}
        {page && (
          <>
            <dt>{en.page}</dt>
            <dd>
              <PageLink url={page.url} title={page.title} />
            </dd>
          </>
        )}
        <dt>{en.earlier}</dt>
        <dd>
          {earlier.length === 0 ? (
            en.noEarlier
          ) : (
            <ul class="earlier">
              {earlier.map((item) => (
                <li key={item.id}>
                  <button type="button" class="link" onClick={() => onOpen(item.id)}>
                    {format(en.conversation, { id: String(item.id) })}
                  </button>{" "}
                  · {statusLabel(item.status)} · {new Date(item.createdAt).toLocaleDateString()}
                </li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
    </aside>
  );
}

/** Whether the agent keeps the card open or folded, the same for every conversation. */
const CARD_KEY = "hfc-handoff-card";

function cardExpanded(): boolean {
  try {
    return localStorage.getItem(CARD_KEY) !== "folded";
  } catch {
    return true;
  }
}

function rememberCard(open: boolean): void {
  try {
    localStorage.setItem(CARD_KEY, open ? "open" : "folded");
  } catch {
    // Without storage the card simply opens unfolded next time.
  }
}

function useEarlier(conversation: ConversationSummary): ConversationSummary[] {
  const [earlier, setEarlier] = useState<ConversationSummary[]>([]);
  const { id, visitorId } = conversation;
  useEffect(() => {
    let current = true;
    call<{ conversations: ConversationSummary[] }>(
      "GET",
      `/api/desk/visitors/${visitorId}/conversations`,
    ).then(
      (result) => current && setEarlier(result.conversations.filter((item) => item.id !== id)),
      (error: unknown) => console.error("earlier conversations", error),
    );
    return () => {
      current = false;
    };
  }, [id, visitorId]);
  return earlier;
}

/** Only web links: a page URL reported by a widget must never become a javascript: link. */
function PageLink({ url, title }: { url: string; title: string }) {
  const href = URL.canParse(url) ? new URL(url) : undefined;
  if (href?.protocol !== "https:" && href?.protocol !== "http:") {
    return <span dir="auto">{title || url}</span>;
  }
  return (
    <a href={href.href} target="_blank" rel="noopener noreferrer" dir="auto">
      {title || url}
    </a>
  );
}
