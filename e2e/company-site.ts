import { once } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface CompanySite {
  origin: string;
  server: Server;
  /** The chat server whose widget the page embeds; set before the first visit. */
  chatUrl: string;
}

/** What the company's page holds besides the widget's script tag. */
export interface SitePage {
  /** The html element's lang; null for none. */
  lang?: string | null;
  /** Served as /site.css and linked from the page. */
  css?: string;
  /** Served as /site.js and run before the widget's script (the API snippet, for example). */
  script?: string;
  /** data- attributes for the widget's script tag. */
  data?: Record<string, string>;
}

/**
 * A company's page on an origin of its own, with a strict Content-Security-Policy that allows
 * only what the README tells a host to allow for the widget: its script and its socket. No
 * inline script or style is allowed, so the widget must need none.
 */
export async function companySite(page: SitePage = {}): Promise<CompanySite> {
  const site: CompanySite = { origin: "", server: createServer(), chatUrl: "" };
  site.server.on("request", (request, response) => {
    const chat = new URL(site.chatUrl);
    const csp = [
      "default-src 'self'",
      `script-src 'self' ${chat.origin}`,
      `connect-src 'self' ${chat.origin} ws://${chat.host}`,
      "style-src 'self'",
      "img-src 'self'",
    ].join("; ");
    const headers = { "content-security-policy": csp };
    if (request.url === "/site.css") {
      response.writeHead(200, { ...headers, "content-type": "text/css" });
      response.end(page.css ?? "");
      return;
    }
    if (request.url === "/site.js") {
      response.writeHead(200, { ...headers, "content-type": "text/javascript" });
      response.end(page.script ?? "");
      return;
    }
    const lang = page.lang === null ? "" : ` lang="${page.lang ?? "en"}"`;
    const data = Object.entries(page.data ?? {})
      .map(([name, value]) => ` data-${name}="${value}"`)
      .join("");
    response.writeHead(200, { ...headers, "content-type": "text/html; charset=utf-8" });
    response.end(`<!doctype html><html${lang}><head><meta charset="utf-8"><title>Shop</title>
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <link rel="stylesheet" href="/site.css"><script src="/site.js"></script></head>
      <body><h1>A shop</h1><p>Things we sell.</p>
      <script src="${chat.origin}/widget.js"${data} async></script></body></html>`);
  });
  site.server.listen(0, "127.0.0.1");
  await once(site.server, "listening");
  site.origin = `http://127.0.0.1:${(site.server.address() as AddressInfo).port}`;
  return site;
}
