import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";
import type { Config } from "../config.ts";
import type { Settings } from "../settings-store.ts";

/**
 * The client's address for per-address limits. Behind a trusted reverse proxy it is the
 * last X-Forwarded-For entry: the one the proxy itself added, which a client cannot forge.
 */
export function clientAddress(c: Context, trustProxy: boolean): string {
  const forwarded = trustProxy ? c.req.header("x-forwarded-for")?.split(",").at(-1)?.trim() : "";
  return forwarded || getConnInfo(c).remote.address || "unknown";
}

/** Whether the request came from one of this server's own pages (its Origin names this host). */
export function isSameHost(c: Context): boolean {
  const origin = c.req.header("origin");
  return (
    origin !== undefined && URL.canParse(origin) && new URL(origin).host === c.req.header("host")
  );
}

/**
 * A site the company lets embed the widget: from ALLOWED_ORIGINS, or from the admin's widget
 * settings (a change applies at once).
 */
export function embeddingAllowed(
  config: Pick<Config, "allowedOrigins">,
  settings: Settings,
  origin: string,
): boolean {
  return (
    config.allowedOrigins.includes(origin) || settings.widget().allowedOrigins.includes(origin)
  );
}
