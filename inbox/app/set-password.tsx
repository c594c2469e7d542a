import { useEffect, useState } from "preact/hooks";
import { en, format } from "../i18n/en.ts";
import { call } from "./api.ts";

/** The page behind an invitation or reset link: the token sits in the URL's fragment. */
export function SetPassword({ token, onDone }: { token: string; onDone: () => void }) {
  const [who, setWho] = useState<{ name: string; email: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  useEffect(() => {
    call<{ name: string; email: string }>(
      "GET",
      `/api/agent/password-link?token=${encodeURIComponent(token)}`,
    ).then(setWho, (failure: unknown) =>
      setError(String(failure instanceof Error ? failure.message : failure)),
    );
  }, [token]);

  return (
    <main class="login">
      <form
        class="login-form"
        onSubmit={(event) => {
          event.preventDefault();
          const password = String(new FormData(event.currentTarget).get("password"));
          call("POST", "/api/agent/password-link", { token, password }).then(
            () => setDone(true),
            (failure: unknown) =>
              setError(failure instanceof Error ? failure.message : String(failure)),
          );
        }}
      >
        <h1>{en.setPasswordTitle}</h1>
        {who && <p>{format(en.setPasswordFor, who)}</p>}
        {done ? (
          <>
            <p role="status">{en.passwordSet}</p>
            <button type="button" onClick={onDone}>
              {en.signIn}
            </button>
          </>
        ) : (
          <>
            <label>
              {en.newPassword}
              <input
                name="password"
                type="password"
                autocomplete="new-password"
                minLength={12}
                required
              />
            </label>
            {error && (
              <p class="form-error" role="alert">
                {error}
              </p>
            )}
            <button type="submit">{en.setPassword}</button>
          </>
        )}
      </form>
    </main>
  );
}
