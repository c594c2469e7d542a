import { useState } from "preact/hooks";
import { format } from "../../protocol/index.ts";
import { en } from "../i18n/en.ts";
import { attempt, call } from "./api.ts";
import { useResource } from "./use-resource.ts";

/** The page behind an invitation or reset link: the token sits in the URL's fragment. */
export function SetPassword({ token, onDone }: { token: string; onDone: () => void }) {
  const link = useResource<{ name: string; email: string }>(
    `/api/agent/password-link?token=${encodeURIComponent(token)}`,
  );
  const who = link.data;
  const [failure, setFailure] = useState<string | null>(null);
  const error = failure ?? link.error;
  const [done, setDone] = useState(false);

  return (
    <main class="login">
      <form
        class="login-form"
        onSubmit={(event) => {
          event.preventDefault();
          const password = String(new FormData(event.currentTarget).get("password"));
          void attempt(() => call("POST", "/api/agent/password-link", { token, password })).then(
            (failed) => (failed ? setFailure(failed) : setDone(true)),
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
