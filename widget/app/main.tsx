import { render } from "preact";
import { ChatClient } from "./chat-client.ts";
import { ChatPanel } from "./chat-panel.tsx";
import { PANEL_CSS } from "./panel-style.ts";

/** Called by the loader the first time the customer opens the chat. */
export function mount(
  root: ShadowRoot,
  options: { server: string; user: { id: string; hash: string } | undefined; onClose: () => void },
) {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(PANEL_CSS);
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  const container = document.createElement("div");
  root.append(container);
  const client = new ChatClient(options.server, options.user);
  client.connect();
  return {
    setOpen(open: boolean): void {
      render(<ChatPanel client={client} open={open} onClose={options.onClose} />, container);
    },
  };
}
