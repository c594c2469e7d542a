import { fileURLToPath } from "node:url";
import { serveStatic } from "@hono/node-server/serve-static";
import { Hono } from "hono";
import { cors } from "hono/cors";
import { HTTPException } from "hono/http-exception";
import { secureHeaders } from "hono/secure-headers";
import type { UpgradeWebSocket } from "hono/ws";
import type { Db } from "../../db/index.ts";
import type { Chat } from "../chat.ts";
import { agentAuthRoutes } from "./agent-auth.ts";
import { socketRoutes } from "./socket-routes.ts";

/** Built widget and inbox files (`npm run build`). */
const PUBLIC_DIR = fileURLToPath(new URL("../../dist/public", import.meta.url));
const DEMO_DIR = fileURLToPath(new URL("../demo", import.meta.url));

export interface AppOptions {
  db: Db;
  chat: Chat;
  upgradeWebSocket: UpgradeWebSocket;
  now?: () => number;
}

export function createApp({ db, chat, upgradeWebSocket, now = Date.now }: AppOptions) {
  const app = new Hono();
  app.use(
    secureHeaders({
      referrerPolicy: "strict-origin-when-cross-origin",
      crossOriginResourcePolicy: false,
      crossOriginOpenerPolicy: false,
    }),
  );
  app.route("/ws", socketRoutes(chat, db, now, upgradeWebSocket));
  app.route("/api/agent", agentAuthRoutes(db, now));
  app.get("/healthz", (c) => c.json({ ok: true }));
  app.get("/", serveStatic({ root: DEMO_DIR, path: "shop.html" }));
  app.get("/demo/shop.css", serveStatic({ root: DEMO_DIR, path: "shop.css" }));
  app.get("/inbox", serveStatic({ root: PUBLIC_DIR, path: "inbox/index.html" }));
  // The loader imports the chat module from the host page's origin: a cross-origin module load.
  app.use("/widget/*", cors({ origin: "*" }));
  app.use("/*", serveStatic({ root: PUBLIC_DIR }));

  app.notFound((c) => c.json({ error: "Not found." }, 404));
  app.onError((error, c) => {
    if (error instanceof HTTPException) return c.json({ error: error.message }, error.status);
    console.error("request failed", { method: c.req.method, path: c.req.path }, error);
    return c.json({ error: "Something went wrong on our side." }, 500);
  });
  return app;
}
