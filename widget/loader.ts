// The only code a host page loads up front: a launcher button in a shadow root. The chat
// itself (app.js) is fetched when the customer opens it.
import type { PublicWidgetSettings } from "../protocol/settings.ts";
import type { mount } from "./app/main.tsx";
import { en } from "./i18n/en.ts";
import { LAUNCHER_CSS } from "./launcher-style.ts";

const OPEN_KEY = "hfc:open";
const script = document.currentScript as HTMLScriptElement | null;
const server = new URL(script?.src ?? "/widget.js", location.href);
// A signed-in customer: the company's page prints their id and its HMAC (identity verification).
const userId = script?.dataset.userId;
const userHash = script?.dataset.userHash;
const user = userId && userHash ? { id: userId, hash: userHash } : undefined;

const host = document.createElement("div");
host.setAttribute("data-human-first-chat", "");
const root = host.attachShadow({ mode: "open" });
// The company's colour, side and greeting, as an admin set them; the defaults stand until then.
const settings = fetch(new URL("/api/widget/settings", server))
  .then((response) =>
    response.ok ? (response.json() as Promise<PublicWidgetSettings>) : undefined,
  )
  .catch((error: unknown) => {
    console.warn("chat settings not loaded", error);
    return undefined;
  });
settings.then((loaded) => {
  if (!loaded) return;
  host.style.setProperty("--hfc-accent", loaded.color);
  host.dataset.position = loaded.position;
});
const sheet = new CSSStyleSheet();
sheet.replaceSync(LAUNCHER_CSS);
root.adoptedStyleSheets = [sheet];

const launcher = document.createElement("button");
launcher.className = "launcher";
launcher.type = "button";
launcher.setAttribute("aria-controls", "hfc-panel");
launcher.innerHTML =
  '<svg viewBox="0 0 24 24" width="28" height="28" aria-hidden="true"><path fill="currentColor" d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z"/></svg>';
root.append(launcher);

let app: Promise<ReturnType<typeof mount>> | undefined;
let open = false;

function setOpen(next: boolean): void {
  open = next;
  launcher.setAttribute("aria-label", open ? en.closeChat : en.openChat);
  launcher.setAttribute("aria-expanded", String(open));
  remember(open ? "1" : "0");
  app ??= import(new URL("widget/app.js", server).href).then((module: { mount: typeof mount }) =>
    module.mount(root, { server: server.origin, user, settings, onClose: () => setOpen(false) }),
  );
  app.then((loaded) => loaded.setOpen(open));
}

launcher.setAttribute("aria-label", en.openChat);
launcher.setAttribute("aria-expanded", "false");
launcher.addEventListener("click", () => setOpen(!open));
document.body.append(host);
if (remember() === "1") setOpen(true);

/** Whether the chat was open on this tab's last page; storage may be blocked (private modes). */
function remember(value?: string): string | null {
  try {
    if (value !== undefined) sessionStorage.setItem(OPEN_KEY, value);
    return sessionStorage.getItem(OPEN_KEY);
  } catch {
    return null;
  }
}
