import { render } from "preact";
import type { PublicWidgetSettings } from "../../protocol/settings.ts";
import type { Messages } from "../i18n/messages.ts";
import { ChatClient, type User } from "./chat-client.ts";
import { ChatPanel } from "./chat-panel.tsx";
import PANEL_CSS from "./panel.css";
import { chime, soundWanted } from "./sound.ts";
import { Texts } from "./texts.ts";

/** What the host page can listen to with HumanFirstChat("on", event, listener). */
export type WidgetEvent = "open" | "close" | "handoff" | "agentReply";

/** The settings as this visitor gets them, with the script tag's data- overrides applied. */
export type WidgetConfig = PublicWidgetSettings & { texts: Messages };

/** The loader's hold on the mounted chat. */
export interface Handle {
  setOpen(open: boolean): void;
  /** A new language (and its texts and greeting) from the loader. */
  configure(config: WidgetConfig): void;
  identify(user: User): void;
}

/** Called by the loader when the customer opens the chat, or a conversation is in progress. */
export function mount(
  root: ShadowRoot,
  options: {
    server: string;
    user: User | undefined;
    config: WidgetConfig;
    emit: (event: WidgetEvent, detail: unknown) => void;
    /** The customer chose another of the offered languages. */
    switchLanguage: (lang: string) => void;
    /** Agent replies the customer has not seen: the launcher's badge and the page title. */
    onUnread: (count: number) => void;
    onClose: () => void;
  },
): Handle {
  let { config } = options;
  let open = false;
  let unread = 0;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(PANEL_CSS);
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  const container = document.createElement("div");
  root.append(container);
  // On a phone the on-screen keyboard shrinks the visual viewport, not always the layout one
  // (iOS): the full-screen panel follows the visible part, so the message box stays above it.
  const viewport = window.visualViewport;
  const fit = () => {
    if (!viewport) return;
    container.style.setProperty("--hfc-height", `${viewport.height}px`);
    container.style.setProperty("--hfc-top", `${viewport.offsetTop}px`);
  };
  viewport?.addEventListener("resize", fit);
  viewport?.addEventListener("scroll", fit);
  fit();

  const seen = () => open && !document.hidden;
  const setUnread = (count: number) => {
    unread = count;
    options.onUnread(count);
  };
  const client = new ChatClient(options.server, options.user, {
    handoff: (conversationId) => options.emit("handoff", { conversationId }),
    agentReply: (message) => {
      options.emit("agentReply", { text: message.text, author: message.authorName });
      if (seen()) return;
      setUnread(unread + 1);
      if (soundWanted()) chime();
    },
  });
  client.connect();
  document.addEventListener("visibilitychange", () => {
    if (seen()) setUnread(0);
  });

  const draw = () =>
    render(
      <Texts.Provider value={config.texts}>
        <ChatPanel
          client={client}
          open={open}
          config={config}
          onSwitch={options.switchLanguage}
          onClose={options.onClose}
        />
      </Texts.Provider>,
      container,
    );
  draw();
  return {
    setOpen(next) {
      open = next;
      if (seen() && unread) setUnread(0);
      draw();
    },
    configure(next) {
      config = next;
      draw();
    },
    identify: (user) => client.identify(user),
  };
}
