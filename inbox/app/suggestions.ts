import { useEffect, useState } from "preact/hooks";
import type { ConversationSummary } from "../../protocol/index.ts";
import { call } from "./api.ts";

export interface Suggestion {
  faqId: number;
  title: string;
  answer: string;
}

/** The FAQ answers the server ranks closest to the customer's latest message. */
export function useSuggestions(conversation: ConversationSummary): Suggestion[] {
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);
  const { id } = conversation;
  const lastSeq = conversation.lastMessage?.seq;
  useEffect(() => {
    let current = true;
    if (lastSeq === undefined) return setSuggestions([]);
    call<{ suggestions: Suggestion[] }>("GET", `/api/desk/conversations/${id}/suggestions`).then(
      (result) => current && setSuggestions(result.suggestions),
      (error: unknown) => console.error("suggestions", error),
    );
    return () => {
      current = false;
    };
  }, [id, lastSeq]);
  return suggestions;
}
