import { render } from "preact";
import { useEffect, useState } from "preact/hooks";
import { InboxView } from "./inbox-view.tsx";
import { Login } from "./login.tsx";

type Session = { status: "checking" } | { status: "signed-out" } | { status: "signed-in" };

function App() {
  const [session, setSession] = useState<Session>({ status: "checking" });
  useEffect(() => {
    fetch("/api/agent/me").then(
      (response) => setSession({ status: response.ok ? "signed-in" : "signed-out" }),
      () => setSession({ status: "signed-out" }),
    );
  }, []);

  switch (session.status) {
    case "checking":
      return null;
    case "signed-out":
      return <Login onSignedIn={() => setSession({ status: "signed-in" })} />;
    case "signed-in":
      return <InboxView onSignedOut={() => setSession({ status: "signed-out" })} />;
    default: {
      const unknown: never = session;
      return unknown;
    }
  }
}

const root = document.getElementById("app");
if (root) render(<App />, root);
