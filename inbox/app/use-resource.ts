import { useCallback, useEffect, useState } from "preact/hooks";
import { attempt, call } from "./api.ts";

/**
 * A GET that loads on mount and again on `reload()`, with its error as text; `replace` puts
 * in what a save returned (what the server stored).
 */
export function useResource<T>(path: string) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(() => {
    void attempt(async () => setData(await call<T>("GET", path))).then(setError);
  }, [path]);
  useEffect(reload, [reload]);
  return { data, error, reload, replace: setData };
}

/** "a, b ,c" to ["a", "b", "c"]. */
export function listOf(text: string, separator: RegExp = /[,\n]/): string[] {
  return text
    .split(separator)
    .map((item) => item.trim())
    .filter(Boolean);
}
