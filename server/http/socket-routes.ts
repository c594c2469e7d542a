import { Hono } from "hono";
import { createMiddleware } from "hono/factory";
import { HTTPException } from "hono/http-exception";
import type { UpgradeWebSocket, WSContext } from "hono/ws";
import type { Db } from "../../db/index.ts";
import type { Chat } from "../chat.ts";
import { agentConnection } from "../realtime/agent-connection.ts";
import type { ClientSocket } from "../realtime/client-socket.ts";
import { visitorConnection } from "../realtime/visitor-connection.ts";
import { type AgentEnv, requireAgent } from "./agent-auth.ts";

type Connection = { onMessage(raw: unknown): void; onClose(): void };

/** The two WebSocket endpoints: /ws/visitor for widgets, /ws/agent for signed-in agents. */
export function socketRoutes(
  chat: Chat,
  db: Db,
  now: () => number,
  upgradeWebSocket: UpgradeWebSocket,
) {
  return new Hono<AgentEnv>()
    .get(
      "/visitor",
      upgradeWebSocket(() => bind((socket) => visitorConnection(chat, socket))),
    )
    .get(
      "/agent",
      sameOrigin,
      requireAgent(db, now),
      upgradeWebSocket((c) => {
        const { id, name } = c.get("agent");
        return bind((socket) => agentConnection(chat, socket, { id, name }));
      }),
    );
}

/** Agent sockets carry a session cookie, so a page on another site must not open one. */
const sameOrigin = createMiddleware(async (c, next) => {
  if (c.req.header("origin") !== new URL(c.req.url).origin) {
    throw new HTTPException(403, { message: "Agent connections must come from the inbox." });
  }
  await next();
});

function bind(connect: (socket: ClientSocket) => Connection) {
  let connection: Connection | undefined;
  return {
    onOpen(_event: Event, ws: WSContext) {
      connection = connect({
        send: (data) => ws.send(data),
        close: (code, reason) => ws.close(code, reason),
      });
    },
    onMessage(event: MessageEvent) {
      connection?.onMessage(event.data);
    },
    onClose() {
      connection?.onClose();
    },
  };
}
