import { render } from "preact";
import { useEffect, useState } from "preact/hooks";
import { InboxView } from "./inbox-view.tsx";
import { Login } from "./login.tsx";
import { SetPassword } from "./set-password.tsx";

type Session =
  | { status: "checking" }
  | { status: "signed-out"; notice?: string }
  | { status: "signed-in" }
  | { status: "setting-password"; token: string };

const PASSWORD_LINK = /^#password=([\w-]+)$/;

function App() {
  const token = PASSWORD_LINK.exec(location.hash)?.[1];
  const [session, setSession] = useState<Session>(
    token ? { status: "setting-password", token } : { status: "checking" },
  );
  useEffect(() => {
    if (token) return;
    fetch("/api/agent/me").then(
      (response) => setSession({ status: response.ok ? "signed-in" : "signed-out" }),
      () => setSession({ status: "signed-out" }),
    );
  }, []);

  switch (session.status) {
    case "checking":
      return null;
    case "signed-out":
      return (
        <Login notice={session.notice} onSignedIn={() => setSession({ status: "signed-in" })} />
      );
    case "signed-in":
      return (
        <InboxView
          onSignedOut={(notice) =>
            setSession(notice ? { status: "signed-out", notice } : { status: "signed-out" })
          }
        />
      );
    case "setting-password":
      return (
        <SetPassword
          token={session.token}
          onDone={() => {
            history.replaceState(null, "", location.pathname);
            setSession({ status: "signed-out" });
          }}
        />
      );
    default: {
      const unknown: never = session;
      return unknown;
    }
  }
}

const root = document.getElementById("app");
if (root) render(<App />, root);
