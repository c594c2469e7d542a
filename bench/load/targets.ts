// What the load generator drives: the real chat server, or the plain `ws` echo baseline.
// Both run as child processes on 127.0.0.1 and take the very same `send` frames.
import { performance } from "node:perf_hooks";
import type WebSocket from "ws";
import type { WireMessage } from "../../protocol/index.ts";
import { spawnScript, startServerProcess, stopChild } from "../../server/server-process.ts";
import { sessionCookie, signIn } from "../../server/test-harness.ts";
import { type Frame, openFrameSocket } from "./frame-socket.ts";

/** What the measurements listen for; each gets the client id of the customer's message. */
export interface Hooks {
  /** The server has it (chat: its ack; echo: the frame came back). */
  acked?(clientId: string, at: number): void;
  /** It reached a person's socket (chat: the agent's inbox; echo: back at the sender). */
  delivered?(clientId: string, at: number): void;
  /**
   * The conversation this message started first showed up on a person's socket (chat: the
   * handoff on the agent's inbox; echo: back at the sender).
   */
  handedOff?(clientId: string, at: number): void;
}

export interface Customer {
  /** Sends one message and returns the moment it left. */
  send(clientId: string, text: string): number;
  close(): void;
}

export interface Target {
  /** The server's process, for its memory. */
  readonly pid: number;
  /** A customer's connection that said hello; `withPerson` first asks for a person. */
  customer(options?: { withPerson?: boolean }): Promise<Customer>;
  stop(): Promise<void>;
}

function customerOf(socket: WebSocket): Customer {
  return {
    send(clientId, text) {
      const at = performance.now();
      socket.send(JSON.stringify({ type: "send", clientId, text }));
      return at;
    },
    close: () => socket.terminate(),
  };
}

/** Resolves on the first frame `test` accepts; the socket's handler feeds it. */
function waiter(test: (frame: Frame) => boolean) {
  let done: () => void = () => undefined;
  const reached = new Promise<void>((resolve) => {
    done = resolve;
  });
  return { reached, offer: (frame: Frame) => test(frame) && done() };
}

/** How the chat server runs: its settings, and how many nodes share them. */
export interface Deployment {
  env: Record<string, string>;
  nodes: number;
}

/**
 * The real server (`bench/bench-server.ts`), with the admin signed in on an inbox socket of
 * the first node; with several nodes, customers connect to each in turn.
 */
export async function chatTarget(
  hooks: Hooks,
  deployment: Deployment = { env: {}, nodes: 1 },
): Promise<Target> {
  const servers = await Promise.all(
    Array.from({ length: deployment.nodes }, () =>
      startServerProcess(deployment.env, "bench/bench-server.ts"),
    ),
  );
  const [server] = servers;
  if (!server) throw new Error("a deployment needs at least one node");
  const origin = server.url;
  const wsUrl = origin.replace(/^http/, "ws");
  let next = 0;
  const session = await signIn(origin, server.admin.email, server.admin.password);
  if (!session.ok) throw new Error(`the bench agent could not sign in: ${session.status}`);
  const cookie = sessionCookie(session);

  // A handoff is known by its conversation id on the agent's side and by the customer's
  // message on the customer's side: whichever arrives second joins the two.
  const firstSeen = new Map<number, number>();
  const startedBy = new Map<number, string>();
  const join = (conversationId: number) => {
    const at = firstSeen.get(conversationId);
    const clientId = startedBy.get(conversationId);
    if (at !== undefined && clientId !== undefined) hooks.handedOff?.(clientId, at);
  };

  const agent = await openFrameSocket(`${wsUrl}/ws/agent`, { origin, cookie }, (frame, at) => {
    const id = frame.type === "message" ? frame.conversationId : conversationIdOf(frame);
    if (typeof id !== "number") return;
    if (!firstSeen.has(id)) {
      firstSeen.set(id, at);
      join(id);
    }
    // An agent's inbox hears each customer message as the new state of its conversation
    // (the transcript itself streams only for the one the agent has open).
    const last = (frame.conversation as { lastMessage?: WireMessage } | null)?.lastMessage;
    if (last?.author === "customer" && last.clientId) {
      hooks.delivered?.(last.clientId, at);
    }
  });

  return {
    pid: server.pid,
    async customer({ withPerson = false } = {}) {
      const node = servers[next++ % servers.length] ?? server;
      const nodeOrigin = node.url;
      const welcome = waiter((frame) => frame.type === "welcome");
      const withTeam = waiter((frame) => conversationIdOf(frame) !== undefined && !isBot(frame));
      const nodeWs = `${nodeOrigin.replace(/^http/, "ws")}/ws/visitor`;
      const socket = await openFrameSocket(nodeWs, { origin: nodeOrigin }, (frame, at) => {
        welcome.offer(frame);
        withTeam.offer(frame);
        if (frame.type === "ack" && typeof frame.clientId === "string") {
          hooks.acked?.(frame.clientId, at);
        }
        const message = frame.message as { clientId?: string } | undefined;
        if (
          frame.type === "message" &&
          message?.clientId &&
          typeof frame.conversationId === "number"
        ) {
          if (!startedBy.has(frame.conversationId)) {
            startedBy.set(frame.conversationId, message.clientId);
            join(frame.conversationId);
          }
        }
      });
      socket.send(JSON.stringify({ type: "hello", v: 1 }));
      await welcome.reached;
      if (withPerson) {
        socket.send(JSON.stringify({ type: "talk_to_person" }));
        await withTeam.reached;
      }
      return customerOf(socket);
    },
    async stop() {
      agent.terminate();
      await Promise.all(servers.map((node) => node.stop()));
    },
  };
}

function conversationIdOf(frame: Frame): number | undefined {
  if (frame.type !== "conversation") return undefined;
  const id = (frame.conversation as { id?: unknown } | null)?.id;
  return typeof id === "number" ? id : undefined;
}

function isBot(frame: Frame): boolean {
  return (frame.conversation as { status?: string } | null)?.status === "bot";
}

/** The baseline: `bench/echo-server.ts`; every hook fires when the frame comes back. */
export async function echoTarget(hooks: Hooks): Promise<Target> {
  const { child, url } = await spawnScript("bench/echo-server.ts", {}, /Echo server: (ws:\/\/\S+)/);
  return {
    pid: child.pid ?? 0,
    async customer() {
      const hello = waiter((frame) => frame.type === "hello");
      const socket = await openFrameSocket(url, {}, (frame, at) => {
        hello.offer(frame);
        if (frame.type !== "send" || typeof frame.clientId !== "string") return;
        hooks.acked?.(frame.clientId, at);
        hooks.delivered?.(frame.clientId, at);
        hooks.handedOff?.(frame.clientId, at);
      });
      socket.send(JSON.stringify({ type: "hello", v: 1 }));
      await hello.reached;
      return customerOf(socket);
    },
    async stop() {
      await stopChild(child, "SIGTERM");
    },
  };
}
