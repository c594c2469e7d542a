import { render } from "preact";
import type { PublicWidgetSettings } from "../../protocol/settings.ts";
import { ChatClient } from "./chat-client.ts";
import { ChatPanel } from "./chat-panel.tsx";
import { PANEL_CSS } from "./panel-style.ts";

/** Called by the loader the first time the customer opens the chat. */
export function mount(
  root: ShadowRoot,
  options: {
    server: string;
    user: { id: string; hash: string } | undefined;
    settings: Promise<PublicWidgetSettings | undefined>;
    onClose: () => void;
  },
) {
  let greeting: string | undefined;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(PANEL_CSS);
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  const container = document.createElement("div");
  root.append(container);
  const client = new ChatClient(options.server, options.user);
  client.connect();
  let open = false;
  const draw = () =>
    render(
      <ChatPanel client={client} open={open} greeting={greeting} onClose={options.onClose} />,
      container,
    );
  options.settings.then((loaded) => {
    greeting = loaded?.greeting;
    draw();
  });
  return {
    setOpen(next: boolean): void {
      open = next;
      draw();
    },
  };
}
