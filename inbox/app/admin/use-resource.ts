import { useCallback, useEffect, useState } from "preact/hooks";
import { call } from "../api.ts";

/** A GET that loads on mount and again on `reload()`, with its error as text. */
export function useResource<T>(path: string) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(() => {
    call<T>("GET", path).then(
      (result) => {
        setData(result);
        setError(null);
      },
      (failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)),
    );
  }, [path]);
  useEffect(reload, [reload]);
  return { data, error, reload };
}

/** Runs a change; its error (the server's message) is returned for the form to show. */
export async function attempt(change: () => Promise<unknown>): Promise<string | null> {
  try {
    await change();
    return null;
  } catch (failure) {
    return failure instanceof Error ? failure.message : String(failure);
  }
}

/** "a, b ,c" to ["a", "b", "c"]. */
export function listOf(text: string, separator: RegExp = /[,\n]/): string[] {
  return text
    .split(separator)
    .map((item) => item.trim())
    .filter(Boolean);
}
