import { createContext } from "preact";
import { useContext } from "preact/hooks";
import type { Messages } from "../i18n/messages.ts";

/** The visitor's language's texts, provided once by main.tsx. */
export const Texts = createContext<Messages | null>(null);

export function useTexts(): Messages {
  const texts = useContext(Texts);
  if (!texts) throw new Error("the widget's texts are not provided");
  return texts;
}
