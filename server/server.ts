import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { serve, upgradeWebSocket } from "@hono/node-server";
import { WebSocketServer } from "ws";
import { closeDatabase, openDatabase } from "../db/index.ts";
import { createChat } from "./chat.ts";
import type { Config } from "./config.ts";
import { createApp } from "./http/app.ts";
import { type SeedResult, seedIfEmpty } from "./seed.ts";

type WebSocketServerLike = NonNullable<Parameters<typeof serve>[0]["websocket"]>["server"];

const MAX_FRAME_BYTES = 64 * 1024;
const SHUTDOWN_GRACE_MS = 2_000;

export interface RunningServer {
  url: string;
  seeded: SeedResult | undefined;
  close(): Promise<void>;
}

/** Opens the database, seeds a new one, and serves HTTP and WebSocket on one port. */
export async function startServer(
  config: Config,
  now: () => number = Date.now,
): Promise<RunningServer> {
  const db = openDatabase(join(config.dataDir, "chat.sqlite"));
  const seeded = await seedIfEmpty(
    db,
    { email: config.adminEmail, password: config.adminPassword },
    now(),
  );
  const chat = await createChat({ db, now, pauseMs: config.botPauseMs });
  const app = createApp({ db, chat, upgradeWebSocket, now });
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  // Same object; the cast only bridges how the two packages spell an optional `noServer`.
  const websocket = { server: wss as unknown as WebSocketServerLike };
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host, websocket });
  await once(server, "listening");
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    seeded,
    async close() {
      chat.stop();
      for (const client of wss.clients) client.close(1001, "Server shutting down");
      wss.close();
      const closed = new Promise<void>((done) => server.close(() => done()));
      // A peer that never answers the closing handshake must not hold the shutdown up.
      const grace = setTimeout(() => {
        for (const client of wss.clients) client.terminate();
        if ("closeAllConnections" in server) server.closeAllConnections();
      }, SHUTDOWN_GRACE_MS);
      await closed;
      clearTimeout(grace);
      closeDatabase(db);
    },
  };
}
