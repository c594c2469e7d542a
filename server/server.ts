import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { serve, upgradeWebSocket } from "@hono/node-server";
import { type WebSocket, WebSocketServer } from "ws";
import { closeDatabase, loadSubscriptions, openDatabase } from "../db/index.ts";
import { type Alerts, createAlerts } from "./alerts/index.ts";
import { serverSecret } from "./auth/secret.ts";
import { createChanges } from "./changes.ts";
import { createChat } from "./chat.ts";
import { joinCluster } from "./cluster/index.ts";
import type { Config } from "./config.ts";
import { createDesk } from "./desk/index.ts";
import { createFiles } from "./files/index.ts";
import { fileLinks } from "./files/links.ts";
import { diskStore, s3Store } from "./files/store.ts";
import { type AppDeps, createApp } from "./http/app.ts";
import { embeddingAllowed } from "./http/client-address.ts";
import { createGuard } from "./limits.ts";
import { smtpMailer } from "./mail/mailer.ts";
import { createMailOutbox } from "./mail/outbox.ts";
import { emailReplies } from "./mail/reply-email.ts";
import { createTranscripts } from "./mail/transcripts.ts";
import { createMarks } from "./marks.ts";
import { createPublisher } from "./publisher.ts";
import type { FrameHandler } from "./realtime/client-socket.ts";
import { type SeedResult, seedIfEmpty } from "./seed.ts";
import { loadSettings } from "./settings-store.ts";
import { createWaitingLine } from "./waiting-line.ts";
import { createDispatcher } from "./webhooks/dispatcher.ts";

type WebSocketServerLike = NonNullable<Parameters<typeof serve>[0]["websocket"]>["server"];

/** The largest frame a client may send; `ws` would otherwise accept 100 MiB. */
export const MAX_FRAME_BYTES = 64 * 1024;
const SHUTDOWN_GRACE_MS = 2_000;
/** How often business hours are checked, so widgets hear at once when the team opens or closes. */
const HOURS_CHECK_MS = 30_000;

export interface RunningServer {
  url: string;
  seeded: SeedResult | undefined;
  /** Every HTTP route as "METHOD /path", for the access-matrix test. */
  routes: string[];
  /** Graceful stop: no new connections, frames in progress finish, sockets close with 1001. */
  close(): Promise<void>;
}

/** Opens the database, seeds a new one, and serves HTTP and WebSocket on one port. */
export async function startServer(
  config: Config,
  now: () => number = Date.now,
): Promise<RunningServer> {
  const db = await openDatabase(config.databaseUrl ?? join(config.dataDir, "chat.sqlite"));
  const seeded = await seedIfEmpty(
    db,
    { email: config.adminEmail, password: config.adminPassword },
    now(),
  );
  const cluster = await joinCluster(config.redisUrl, {
    prefix: config.redisPrefix,
    ttlMs: config.nodeTtlMs,
  });
  const publish = createPublisher(cluster.topics);
  const changes = createChanges(cluster.topics);
  const settings = await loadSettings(db, () => changes.announce({ kind: "settings" }));
  const line = createWaitingLine({ db, publish, settings, now });
  const { customers, agents } = cluster;
  const outbox = config.smtpUrl
    ? createMailOutbox({
        db,
        mailer: smtpMailer(config.smtpUrl, config.mailFrom),
        now,
        retryMs: config.mailRetryMs,
      })
    : undefined;
  outbox?.start();
  const transcripts = outbox && createTranscripts({ db, outbox, settings });
  /** Made once the desk is (it asks the desk who is on the team); alerts only after that. */
  let alerts: Alerts | undefined;
  const desk = createDesk({
    db,
    publish,
    settings,
    line,
    agents,
    customers,
    now,
    onReply: emailReplies(
      outbox,
      customers,
      (origin) => origin === config.publicOrigin || embeddingAllowed(config, settings, origin),
    ),
    emailEnabled: outbox !== undefined,
    onAssigned: (conversation) => alerts?.assigned(conversation),
    onResolved: (conversation) => {
      transcripts?.resolved(conversation).catch((error: unknown) => {
        console.error("transcript not queued", { conversationId: conversation.id }, error);
      });
    },
  });
  const chat = await createChat({
    db,
    publish,
    settings,
    route: desk.route,
    now,
    pauseMs: config.botPauseMs,
    knowledgeChanged: changes.announce,
  });
  // Another node changed what this one keeps in memory: read it again.
  const stopHearingChanges = changes.listen((change) => {
    const applied =
      change.kind === "settings"
        ? settings.reload().then(() => desk.announceAvailability())
        : change.kind === "webhooks"
          ? loadSubscriptions(db)
          : chat.knowledge.refresh(change);
    applied.catch((error: unknown) => console.error("a change was not applied", change, error));
  });
  const marks = createMarks({ db, knowledge: chat.knowledge, settings, now });
  let listening = "";
  alerts = await createAlerts({
    db,
    settings,
    mail: outbox,
    inboxUrl: () => `${config.publicOrigin ?? listening}/inbox`,
    team: () => desk.team(),
    subject: config.publicOrigin?.startsWith("https:")
      ? config.publicOrigin
      : `mailto:${config.adminEmail}`,
    allowPrivate: config.allowPrivateAddresses,
    now,
  });
  const secret = serverSecret(config.dataDir, config.secret);
  if (config.redisUrl && !config.s3) {
    console.warn(
      "Files are kept in DATA_DIR/files on this node: with several nodes, set S3_BUCKET or share that folder.",
    );
  }
  const files = createFiles({
    db,
    store: config.s3 ? s3Store(config.s3) : diskStore(join(config.dataDir, "files")),
    settings,
    links: fileLinks(secret, now),
    now,
  });
  // What an erasure or a crash left to delete.
  void files.sweep();
  await loadSubscriptions(db);
  const dispatcher = createDispatcher({
    db,
    now,
    retryMs: config.webhookRetryMs,
    allowPrivate: config.allowPrivateAddresses,
  });
  const live = new Set<FrameHandler>();
  const deps: AppDeps = {
    db,
    chat,
    desk,
    marks,
    publish,
    settings,
    guard: createGuard(config.limits, cluster.limits),
    line,
    customers,
    files,
    alerts,
    transcripts,
    changes,
    secrets: {
      secret,
      identitySecret: config.identitySecret,
    },
    config,
    live,
    now,
  };
  const app = createApp(deps, upgradeWebSocket);
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  // Same object; the cast only bridges how the two packages spell an optional `noServer`.
  const websocket = { server: wss as unknown as WebSocketServerLike };
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host, websocket });
  await once(server, "listening");
  const heartbeat = startHeartbeat(wss, config.heartbeatMs);
  const hoursCheck = setInterval(() => {
    desk.announceAvailability().catch((error: unknown) => {
      console.error("announcing availability failed", error);
    });
  }, HOURS_CHECK_MS).unref();
  const nodeBeat = setInterval(() => {
    cluster
      .beat()
      .then(() => desk.checkPresence())
      .catch((error: unknown) => console.error("node heartbeat failed", error));
  }, config.nodeTtlMs / 3).unref();
  // Frames published while the bus was away are lost: every socket resumes from the database.
  cluster.onGap(() => {
    for (const client of wss.clients) client.close(1012, "Reconnect to resume.");
  });
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  listening = `http://${host}:${address.port}`;
  return {
    url: listening,
    seeded,
    routes: [
      ...new Set(app.routes.filter((r) => r.method !== "ALL").map((r) => `${r.method} ${r.path}`)),
    ],
    async close() {
      clearInterval(heartbeat);
      clearInterval(hoursCheck);
      clearInterval(nodeBeat);
      stopHearingChanges();
      const decided = chat.stop();
      const closed = new Promise<void>((done) => server.close(() => done()));
      const inFlight = [...live].map((connection) => connection.settled());
      // Each socket's close handler (its presence leaving) runs before the bus goes.
      const socketsGone = Promise.all(
        [...wss.clients].map((client) => once(client, "close").catch(() => undefined)),
      );
      for (const client of wss.clients) client.close(1001, "Server shutting down");
      // A peer that never answers the closing handshake must not hold the shutdown up.
      const grace = setTimeout(() => {
        for (const client of wss.clients) client.terminate();
        if ("closeAllConnections" in server) server.closeAllConnections();
      }, SHUTDOWN_GRACE_MS);
      await Promise.all([closed, decided, socketsGone, ...inFlight]);
      clearTimeout(grace);
      await desk.stop();
      await alerts.stop();
      line.stop();
      await outbox?.stop();
      await files.stop();
      await dispatcher.stop();
      await cluster.close();
      await closeDatabase(db);
    },
  };
}

/**
 * Pings every socket each interval; one that has not answered the previous ping is dead
 * (a laptop lid closed, a network gone) and is terminated, which runs its close handling.
 */
function startHeartbeat(wss: WebSocketServer, everyMs: number): NodeJS.Timeout {
  const alive = new WeakSet<WebSocket>();
  wss.on("connection", (socket: WebSocket) => {
    alive.add(socket);
    socket.on("pong", () => alive.add(socket));
  });
  return setInterval(() => {
    for (const socket of wss.clients) {
      if (!alive.has(socket)) {
        socket.terminate();
        continue;
      }
      alive.delete(socket);
      socket.ping();
    }
  }, everyMs).unref();
}
