import { useEffect, useState } from "preact/hooks";
import { call } from "./api.ts";

export interface Canned {
  id: number;
  shortcut: string;
  text: string;
}

let loaded: Promise<Canned[]> | undefined;

/** The team's canned responses, fetched once per page (an admin's edits show after a reload). */
export function useCanned(): Canned[] {
  const [canned, setCanned] = useState<Canned[]>([]);
  useEffect(() => {
    loaded ??= call<{ responses: Canned[] }>("GET", "/api/desk/canned").then(
      (result) => result.responses,
    );
    loaded.then(setCanned, (error: unknown) => {
      loaded = undefined;
      console.error("canned responses", error);
    });
  }, []);
  return canned;
}

/** A draft that is exactly "/" and the start of a shortcut offers the matching responses. */
export function cannedMatches(draft: string, canned: readonly Canned[]): Canned[] {
  const typed = /^\/([\w-]*)$/.exec(draft);
  if (!typed) return [];
  const prefix = (typed[1] ?? "").toLowerCase();
  return canned.filter((item) => item.shortcut.startsWith(prefix)).slice(0, 8);
}

/** After an admin edits the list. */
export function forgetCanned(): void {
  loaded = undefined;
}
