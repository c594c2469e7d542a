import { randomUUID } from "node:crypto";
import { Hono } from "hono";
import { createMiddleware } from "hono/factory";
import { HTTPException } from "hono/http-exception";
import type { UpgradeWebSocket, WSContext } from "hono/ws";
import type { WebSocket } from "ws";
import { findSessionAgent } from "../../db/index.ts";
import { agentConnection } from "../realtime/agent-connection.ts";
import type { ClientSocket, FrameHandler } from "../realtime/client-socket.ts";
import { visitorConnection } from "../realtime/visitor-connection.ts";
import { offeredLanguages } from "../widget-language.ts";
import { type AgentEnv, requireAgent } from "./agent-auth.ts";
import type { AppDeps } from "./app.ts";
import { clientAddress, embeddingAllowed, isSameHost } from "./client-address.ts";

type Connection = FrameHandler & { onClose(): void };

/** After a slow reader is told to go, how long its unsent frames may still hold memory. */
const SLOW_READER_GRACE_MS = 5_000;

/**
 * The two WebSocket endpoints: /ws/visitor for widgets on allowed origins, /ws/agent for
 * signed-in agents on the inbox's own origin. Any other path refuses the handshake (404).
 */
export function socketRoutes(deps: AppDeps, upgradeWebSocket: UpgradeWebSocket) {
  const { config, settings } = deps;
  const allowed = (origin: string) => embeddingAllowed(config, settings, origin);

  /** A browser always sends Origin; a page elsewhere must not open a socket as its visitor. */
  const visitorOrigin = createMiddleware(async (c, next) => {
    const origin = c.req.header("origin");
    if (!isSameHost(c) && !(origin && allowed(origin))) {
      throw new HTTPException(403, { message: "This site may not open the chat." });
    }
    await next();
  });
  /** Agent sockets carry a session cookie: only the inbox's own pages may open one. */
  const inboxOrigin = createMiddleware(async (c, next) => {
    if (!isSameHost(c)) {
      throw new HTTPException(403, { message: "Agent connections must come from the inbox." });
    }
    await next();
  });

  const visitorDeps = {
    ...deps,
    availability: () => deps.desk.availability(),
    languages: () => offeredLanguages(deps.settings.widget()),
  };
  const agentDeps = {
    ...deps,
    sessionAgent: async (tokenHash: string) => {
      const found = await findSessionAgent(deps.db, tokenHash, deps.now());
      return found && { id: found.id, name: found.name, role: found.role };
    },
  };
  return new Hono<AgentEnv>()
    .get(
      "/visitor",
      visitorOrigin,
      upgradeWebSocket((c) => {
        const ip = clientAddress(c, config.trustProxy);
        return bind(deps, ip, (socket) => visitorConnection(visitorDeps, socket));
      }),
    )
    .get(
      "/agent",
      inboxOrigin,
      requireAgent(deps.db, deps.now),
      upgradeWebSocket((c) => {
        const ip = clientAddress(c, config.trustProxy);
        const { id, name, role } = c.get("agent");
        const session = c.get("session");
        return bind(deps, ip, (socket) =>
          agentConnection(agentDeps, socket, { id, name, role }, session),
        );
      }),
    );
}

/**
 * Ties a connection to its socket: the per-address connection cap (1013 beyond it), the
 * slow-reader limit (1013 once too much is unsent), and the server's list of live
 * connections, which a shutdown waits on.
 */
function bind(deps: AppDeps, ip: string, connect: (socket: ClientSocket) => Connection) {
  const { guard, live } = deps;
  let connection: Connection | undefined;
  return {
    onOpen(_event: Event, ws: WSContext) {
      // The Node adapter hands over the `ws` socket, whose buffer size we need to watch.
      const raw = ws.raw as WebSocket | undefined;
      if (!raw) throw new Error("the WebSocket adapter gave no socket");
      if (!guard.admit(ip)) {
        ws.close(1013, "Too many connections from your address; try again later.");
        return;
      }
      let closing = false;
      const close = (code: number, reason: string) => {
        if (closing) return;
        closing = true;
        ws.close(code, reason);
        setTimeout(() => raw.terminate(), SLOW_READER_GRACE_MS).unref();
      };
      connection = connect({
        id: randomUUID(),
        ip,
        send(data) {
          if (closing) return;
          if (raw.bufferedAmount > guard.limits.maxBufferedBytes) {
            close(1013, "Reading too slowly; reconnect to catch up.");
            return;
          }
          ws.send(data);
        },
        close,
      });
      live.add(connection);
    },
    onMessage(event: MessageEvent) {
      connection?.onMessage(event.data);
    },
    onClose() {
      if (!connection) return;
      live.delete(connection);
      guard.release(ip);
      connection.onClose();
    },
  };
}
