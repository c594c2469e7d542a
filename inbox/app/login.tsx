import { useState } from "preact/hooks";
import { format } from "../../protocol/index.ts";
import { en } from "../i18n/en.ts";

/** The sign-in form; `notice` says why the agent was signed out, when the server ended it. */
export function Login({
  onSignedIn,
  notice,
}: {
  onSignedIn: () => void;
  notice?: string | undefined;
}) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function signIn(form: HTMLFormElement): Promise<void> {
    const data = new FormData(form);
    setBusy(true);
    setError(null);
    try {
      const response = await fetch("/api/agent/session", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: data.get("email"), password: data.get("password") }),
      });
      if (response.ok) return onSignedIn();
      const body = (await response.json().catch(() => ({}))) as { error?: string };
      setError(body.error ?? response.statusText);
    } catch (failure) {
      setError(format(en.signInFailed, { reason: String(failure) }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main class="login">
      <form
        class="login-form"
        onSubmit={(event) => {
          event.preventDefault();
          void signIn(event.currentTarget);
        }}
      >
        <h1>{en.signInTitle}</h1>
        {notice && (
          <p class="form-notice" role="status">
            {notice}
          </p>
        )}
        <label>
          {en.email}
          <input name="email" type="email" autocomplete="username" required />
        </label>
        <label>
          {en.password}
          <input name="password" type="password" autocomplete="current-password" required />
        </label>
        {error && (
          <p class="form-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {busy ? en.signingIn : en.signIn}
        </button>
      </form>
    </main>
  );
}
