// The only code a host page loads up front: a launcher button in a shadow root and the page's
// API. The chat itself (app.js) is fetched when the customer opens it, or at once when a
// conversation with a person is in progress (so a reply can raise the unread badge).

import { format } from "../protocol/format.ts";
import type { Handle, mount, WidgetConfig, WidgetEvent } from "./app/main.tsx";
import type { Messages } from "./i18n/messages.ts";
import LAUNCHER_CSS from "./launcher.css";
import { ACTIVE_KEY } from "./storage-keys.ts";

type User = { id: string; hash: string; name?: string; email?: string };
type Api = ((command: string, ...args: never[]) => void) & { q?: ArrayLike<unknown>[] };

const OPEN_KEY = "hfc:open";
/** The language the customer chose in the chat: it outranks the page's and the browser's. */
const LANG_KEY = "hfc:lang";
const script = document.currentScript as HTMLScriptElement | null;
const data = script?.dataset ?? {};
const server = new URL(script?.src ?? "/widget.js", location.href);
// A signed-in customer: the company's page prints their id and its HMAC (identity verification).
let user: User | undefined =
  data.userId && data.userHash ? { id: data.userId, hash: data.userHash } : undefined;
const listeners: Record<string, Set<(detail: unknown) => void>> = {};

const host = document.createElement("div");
host.setAttribute("data-human-first-chat", "");
const root = host.attachShadow({ mode: "open" });
const sheet = new CSSStyleSheet();
sheet.replaceSync(LAUNCHER_CSS);
root.adoptedStyleSheets = [sheet];

const launcher = document.createElement("button");
launcher.className = "launcher";
launcher.type = "button";
launcher.setAttribute("aria-controls", "hfc-panel");
launcher.setAttribute("aria-expanded", "false");
launcher.innerHTML =
  '<svg viewBox="0 0 24 24" width="28" height="28" aria-hidden="true"><path fill="currentColor" d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z"/></svg><span class="badge" aria-hidden="true" hidden></span>';
const badge = launcher.lastChild as HTMLElement;
root.append(launcher);

let config: WidgetConfig | undefined;
let texts: Messages | undefined;
let app: Promise<Handle> | undefined;
let open = false;
let unread = 0;

/**
 * The company's colour, side and greeting, and the visitor's language with its texts (only the
 * visitor's ever loads): the server chooses it from the wish (data-lang, or the host page's
 * setLanguage), the browser's languages and the page's, among those offered.
 */
async function setLanguage(wanted = remember(localStorage, LANG_KEY) ?? data.lang): Promise<void> {
  const url = new URL("/api/widget/settings", server);
  url.search = new URLSearchParams({
    lang: wanted ?? "",
    page: document.documentElement.lang,
  }).toString();
  const response = await fetch(url);
  if (!response.ok) throw new Error(`chat settings: ${response.status}`);
  const loaded = (await response.json()) as WidgetConfig;
  if (data.greeting) loaded.greeting = data.greeting;
  if (data.color) loaded.color = data.color;
  if (data.position === "left" || data.position === "right") loaded.position = data.position;
  host.style.setProperty("--hfc-accent", loaded.color);
  host.dataset.position = loaded.position;
  config = loaded;
  texts = loaded.texts;
  launcher.dir = texts.dir;
  label();
  // Not awaited: a chat still loading waits for this very configuration.
  app?.then((mounted) => mounted.configure(loaded));
}

function label(): void {
  if (!texts) return;
  launcher.setAttribute(
    "aria-label",
    open
      ? texts.closeChat
      : unread
        ? format(texts.openChatUnread, { count: unread })
        : texts.openChat,
  );
}

function loadApp(): Promise<Handle> {
  app ??= Promise.all([
    import(new URL("widget/app.js", server).href) as Promise<{ mount: typeof mount }>,
    ready,
  ]).then(([module]) =>
    module.mount(root, {
      server: server.origin,
      user,
      config: config as WidgetConfig,
      emit,
      switchLanguage(chosen) {
        remember(localStorage, LANG_KEY, chosen);
        void changeLanguage(chosen);
      },
      onUnread(count) {
        unread = count;
        badge.textContent = String(count);
        badge.hidden = count === 0;
        document.title = (count ? `(${count}) ` : "") + document.title.replace(/^\(\d+\) /, "");
        label();
      },
      onClose() {
        setOpen(false);
        launcher.focus();
      },
    }),
  );
  return app;
}

function setOpen(next: boolean): void {
  if (next !== open) emit(next ? "open" : "close", undefined);
  open = next;
  launcher.setAttribute("aria-expanded", String(open));
  label();
  remember(sessionStorage, OPEN_KEY, open ? "1" : "0");
  loadApp().then((loaded) => loaded.setOpen(open));
}

function emit(event: WidgetEvent, detail: unknown): void {
  for (const listener of listeners[event] ?? []) listener(detail);
}

/** The host page's API; calls made before this script ran were queued by the snippet. */
function command(name: string, ...args: unknown[]): void {
  if (name === "open" || name === "close") setOpen(name === "open");
  else if (name === "setLanguage") void changeLanguage(String(args[0]));
  else if (name === "identify") {
    user = args[0] as User;
    app?.then((loaded) => loaded.identify(user as User));
  } else if (name === "on") {
    const event = String(args[0]);
    listeners[event] = (listeners[event] ?? new Set()).add(args[1] as (detail: unknown) => void);
  } else console.warn(`HumanFirstChat: unknown command ${name}`);
}

let languageChange: Promise<void> = Promise.resolve();
const ready = changeLanguage();

/** One change at a time, so a quick second call cannot be overtaken by the first. */
function changeLanguage(wanted?: string): Promise<void> {
  languageChange = languageChange
    .then(() => setLanguage(wanted))
    .catch((error: unknown) => console.warn("chat texts not loaded", error));
  return languageChange;
}

const global = window as unknown as { HumanFirstChat?: Api };
const queued = global.HumanFirstChat?.q ?? [];
global.HumanFirstChat = command as Api;
for (const args of Array.from(queued)) command(...(Array.from(args) as [string]));

launcher.addEventListener("click", () => setOpen(!open));
document.body.append(host);
if (remember(sessionStorage, OPEN_KEY) === "1") setOpen(true);
else if (remember(localStorage, ACTIVE_KEY) === "true") void loadApp();

/**
 * Storage may be blocked (private modes): then nothing is remembered. Raw strings rather than
 * app/storage.ts's JSON helpers, to keep the loader within its 2 KiB; the chat's ACTIVE_KEY is
 * JSON `true`.
 */
function remember(storage: Storage, key: string, value?: string): string | null {
  try {
    if (value !== undefined) storage.setItem(key, value);
    return storage.getItem(key);
  } catch {
    return null;
  }
}
