import type { FunctionComponent } from "preact";
import { useEffect, useState } from "preact/hooks";
import { en } from "../i18n/en.ts";
import { attempt } from "./api.ts";

type Screen = FunctionComponent<{ onOpen: (conversationId: number) => void }>;

/** The reports screen and its chart library load only when an admin opens it. */
export function ReportsLoader({ onOpen }: { onOpen: (conversationId: number) => void }) {
  const [screen, setScreen] = useState<{ Screen: Screen } | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void attempt(async () => {
      const loaded = await import("./reports/reports-screen.tsx");
      setScreen({ Screen: loaded.default });
    }).then(setError);
  }, []);
  if (error) return <p class="form-error">{error}</p>;
  if (!screen) return <p role="status">{en.reportLoading}</p>;
  return <screen.Screen onOpen={onOpen} />;
}
