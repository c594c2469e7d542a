import { useEffect, useState } from "preact/hooks";
import { call } from "./api.ts";

export interface Canned {
  id: number;
  shortcut: string;
  text: string;
}

let loaded: Promise<Canned[]> | undefined;
/** The composers showing the list: told when an admin changed it. */
const shown = new Set<() => void>();

/** The team's canned responses, fetched once per page and again whenever an admin changes them. */
export function useCanned(): Canned[] {
  const [canned, setCanned] = useState<Canned[]>([]);
  useEffect(() => {
    const load = () => {
      loaded ??= call<{ responses: Canned[] }>("GET", "/api/desk/canned").then(
        (result) => result.responses,
      );
      loaded.then(setCanned, (error: unknown) => {
        loaded = undefined;
        console.error("canned responses", error);
      });
    };
    load();
    shown.add(load);
    return () => {
      shown.delete(load);
    };
  }, []);
  return canned;
}

/** The start of a shortcut when the draft is exactly "/" and that, else undefined. */
export function typedShortcut(draft: string): string | undefined {
  return /^\/([\w-]*)$/.exec(draft)?.[1]?.toLowerCase();
}

/** A draft that is exactly "/" and the start of a shortcut offers the matching responses. */
export function cannedMatches(draft: string, canned: readonly Canned[]): Canned[] {
  const prefix = typedShortcut(draft);
  if (prefix === undefined) return [];
  return canned.filter((item) => item.shortcut.startsWith(prefix)).slice(0, 8);
}

/** An admin edited the list (here or in another tab): every composer fetches it again. */
export function cannedChanged(): void {
  loaded = undefined;
  for (const load of shown) load();
}
