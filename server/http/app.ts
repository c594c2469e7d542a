import { fileURLToPath } from "node:url";
import { serveStatic } from "@hono/node-server/serve-static";
import { type Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { cors } from "hono/cors";
import { createMiddleware } from "hono/factory";
import { HTTPException } from "hono/http-exception";
import { secureHeaders } from "hono/secure-headers";
import type { UpgradeWebSocket } from "hono/ws";
import type { Db } from "../../db/index.ts";
import { MAX_FILE_MEGABYTES } from "../../protocol/index.ts";
import type { Alerts } from "../alerts/index.ts";
import { HashingBusy } from "../auth/password.ts";
import type { IdentitySecrets } from "../auth/visitor-identity.ts";
import type { Changes } from "../changes.ts";
import type { Chat } from "../chat.ts";
import type { Config } from "../config.ts";
import { shopPage } from "../demo/shop-page.ts";
import type { Desk } from "../desk/index.ts";
import type { Files } from "../files/index.ts";
import type { Guard } from "../limits.ts";
import type { Transcripts } from "../mail/transcripts.ts";
import type { Marks } from "../marks.ts";
import type { Presence } from "../presence.ts";
import type { Publisher } from "../publisher.ts";
import type { FrameHandler } from "../realtime/client-socket.ts";
import type { Settings } from "../settings-store.ts";
import type { WaitingLine } from "../waiting-line.ts";
import {
  browserLanguages,
  chooseLanguage,
  offeredLanguages,
  publicWidgetSettings,
} from "../widget-language.ts";
import { adminRoutes } from "./admin-routes.ts";
import { agentAuthRoutes } from "./agent-auth.ts";
import { apiRoutes } from "./api-routes.ts";
import { isSameHost } from "./client-address.ts";
import { deskRoutes } from "./desk-routes.ts";
import { deskFileRoutes, fileDownloadRoutes, widgetFileRoutes } from "./file-routes.ts";
import { socketRoutes } from "./socket-routes.ts";

/** Built widget and inbox files (`npm run build`). */
const PUBLIC_DIR = fileURLToPath(new URL("../../dist/public", import.meta.url));
const DEMO_DIR = fileURLToPath(new URL("../demo", import.meta.url));

/** What the routes and connections share; made once by `startServer`. */
export interface AppDeps {
  db: Db;
  chat: Chat;
  desk: Desk;
  /** The agents' marks on what the bot did, and their review. */
  marks: Marks;
  /** Uploads, their signed links, and the bytes' removal. */
  files: Files;
  /** Push and email alerts for agents away from the inbox. */
  alerts: Alerts;
  /** Conversations by email; absent without SMTP. */
  transcripts: Transcripts | undefined;
  /** Tells the other nodes of a change to what they keep in memory (webhook endpoints). */
  changes: Pick<Changes, "announce">;
  publish: Publisher;
  settings: Settings;
  guard: Guard;
  secrets: IdentitySecrets;
  line: WaitingLine;
  /** Customers with a widget open. */
  customers: Presence;
  config: Pick<Config, "allowedOrigins" | "trustProxy">;
  /** Open socket connections, which a shutdown lets finish their frames. */
  live: Set<FrameHandler>;
  now: () => number;
}

/**
 * Our pages load scripts, styles and sockets only from this server, never inline code, and
 * cannot be framed (no clickjacking of the inbox).
 */
const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  // blob: previews of a file before it is uploaded.
  imgSrc: ["'self'", "data:", "blob:"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

export function createApp(deps: AppDeps, upgradeWebSocket: UpgradeWebSocket) {
  const app = new Hono();
  app.use(
    secureHeaders({
      contentSecurityPolicy: CONTENT_SECURITY_POLICY,
      xFrameOptions: "DENY",
      referrerPolicy: "strict-origin-when-cross-origin",
      crossOriginResourcePolicy: false,
      crossOriginOpenerPolicy: false,
      // A response that sets its own (a file's stricter policy) keeps it.
      overwrite: false,
    }),
  );
  app.use(handshakesOnSocketPaths);
  app.use(limitBodies);
  app.use("/api/*", sameOriginWrites);
  app.route("/ws", socketRoutes(deps, upgradeWebSocket));
  app.route("/api/agent", agentAuthRoutes(deps));
  app.route("/api/admin", adminRoutes(deps));
  app.route("/api/desk/conversations", deskFileRoutes(deps));
  app.route("/api/desk", deskRoutes(deps));
  // Read by the widget on any site that embeds it.
  app.use("/api/widget/*", cors({ origin: "*" }));
  app.route("/api/widget/files", widgetFileRoutes(deps));
  app.route("/files", fileDownloadRoutes(deps));
  app.route("/api/v1", apiRoutes(deps));
  app.get("/api/widget/settings", (c) => {
    const widget = deps.settings.widget();
    const lang = chooseLanguage(
      { asked: c.req.query("lang"), browser: browserLanguages(c), page: c.req.query("page") },
      offeredLanguages(widget),
    );
    c.header("Cache-Control", "no-cache");
    c.header("Vary", "Accept-Language");
    const extras = { files: deps.settings.files(), transcripts: deps.desk.emailEnabled };
    return c.json(publicWidgetSettings(widget, lang, extras));
  });
  app.get("/healthz", (c) => c.json({ ok: true }));
  app.get("/", (c) => c.html(shopPage(c.req.query("lang"))));
  app.get("/demo/shop.css", serveStatic({ root: DEMO_DIR, path: "shop.css" }));
  app.get("/inbox", serveStatic({ root: PUBLIC_DIR, path: "inbox/index.html" }));
  // The inbox's worker serves the page /inbox itself, outside its folder's default scope.
  app.use("/inbox/sw.js", async (c, next) => {
    await next();
    c.header("Service-Worker-Allowed", "/inbox");
    c.header("Cache-Control", "no-cache");
  });
  // The loader imports the chat module from the host page's origin: a cross-origin module load.
  app.use("/widget/*", cors({ origin: "*" }));
  app.use("/*", serveStatic({ root: PUBLIC_DIR }));

  app.notFound((c) => c.json({ error: "Not found." }, 404));
  app.onError((error, c) => {
    if (error instanceof HTTPException) return c.json({ error: error.message }, error.status);
    if (error instanceof HashingBusy) {
      return c.json({ error: error.message }, 503, { "Retry-After": "1" });
    }
    console.error("request failed", { method: c.req.method, path: c.req.path }, error);
    return c.json({ error: "Something went wrong on our side." }, 500);
  });
  return app;
}

/**
 * Cookies ride along on cross-site requests, so a change is accepted only from this server's
 * own pages: the browser's Origin header must name this host (a JSON body alone proves nothing).
 */
const sameOriginWrites = createMiddleware(async (c, next) => {
  // The widget's upload and the REST API carry bearer tokens, which no other site's page
  // holds; cookies open neither.
  if (c.req.path === WIDGET_UPLOADS || c.req.path.startsWith("/api/v1/")) return next();
  if (!SAFE_METHODS.has(c.req.method) && !isSameHost(c)) {
    throw new HTTPException(403, { message: "Changes are accepted only from this site's pages." });
  }
  await next();
});

/** Sign-in and password links, open to anyone: a few fields. */
const ANONYMOUS_BODY_BYTES = 16 * 1024;
/** The largest form of the inbox: an FAQ entry with 200 example questions of 500 characters. */
const BODY_BYTES = 512 * 1024;
const tooLarge = (c: Context) =>
  c.json({ error: "The request is too large." }, 413, { Connection: "close" });
const anonymousBodies = bodyLimit({ maxSize: ANONYMOUS_BODY_BYTES, onError: tooLarge });
const signedInBodies = bodyLimit({ maxSize: BODY_BYTES, onError: tooLarge });
/** The upload routes check the admin's own limit; this is the ceiling of any setting. */
const fileBodies = bodyLimit({
  maxSize: MAX_FILE_MEGABYTES * 1024 * 1024,
  onError: (c) =>
    c.json({ error: `A file can be at most ${MAX_FILE_MEGABYTES} MB.` }, 413, {
      Connection: "close",
    }),
});
const WIDGET_UPLOADS = "/api/widget/files";

/**
 * Every request body has a size limit, checked before it is read (by Content-Length, or as a
 * chunked body arrives): a 413, and no memory spent on the rest.
 */
const limitBodies = createMiddleware((c, next) => {
  const { path } = c.req;
  if (path === WIDGET_UPLOADS || /^\/api\/desk\/conversations\/\d+\/files$/.test(path)) {
    return fileBodies(c, next);
  }
  return (path.startsWith("/api/agent/") ? anonymousBodies : signedInBodies)(c, next);
});

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const SOCKET_PATHS = new Set(["/ws/visitor", "/ws/agent"]);

/** A WebSocket handshake anywhere but the two socket endpoints is refused outright. */
const handshakesOnSocketPaths = createMiddleware(async (c, next) => {
  if (c.req.header("upgrade")?.toLowerCase() === "websocket" && !SOCKET_PATHS.has(c.req.path)) {
    throw new HTTPException(404, {
      message: "WebSocket connections go to /ws/visitor or /ws/agent.",
    });
  }
  await next();
});
