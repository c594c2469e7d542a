import { Redis } from "ioredis";
import type { PubSub } from "../pubsub.ts";

/**
 * The bus between server nodes: Redis pub/sub, one connection publishing and one listening
 * per node, whatever the number of sockets. Each node subscribes only to the topics its own
 * sockets need (a visitor's, the inbox). Pub/sub delivers at most once: when the listening
 * connection drops and comes back, whatever was published meanwhile is gone, so `onGap`
 * listeners hear of it (the server then has its sockets reconnect and resume from the
 * database, which holds every message).
 */
export function connectRedisBus(url: string, prefix: string) {
  const publisher = new Redis(url, { lazyConnect: true });
  const listener = new Redis(url, { lazyConnect: true });
  const handlers = new Map<string, Set<(payload: unknown) => void>>();
  const gapListeners = new Set<() => void>();
  /** The last SUBSCRIBE sent: `ready` waits for it (Redis answers commands in order). */
  let subscribed: Promise<unknown> = Promise.resolve();
  let lost = false;

  listener.on("message", (channel: string, raw: string) => {
    const set = handlers.get(channel);
    if (!set) return;
    const payload: unknown = JSON.parse(raw);
    for (const handler of set) handler(payload);
  });
  listener.on("close", () => {
    lost = true;
  });
  listener.on("ready", () => {
    if (!lost) return;
    lost = false;
    for (const gap of gapListeners) gap();
  });
  for (const client of [publisher, listener]) {
    client.on("error", (error: unknown) => console.error("redis", error));
  }

  function topics<T>(kind: string): PubSub<T> {
    const channel = (topic: string) => `${prefix}:${kind}:${topic}`;
    return {
      publish(topic, payload) {
        publisher.publish(channel(topic), JSON.stringify(payload)).catch((error: unknown) => {
          console.error("publishing failed", { topic: channel(topic) }, error);
        });
      },
      subscribe(topic, handler) {
        const name = channel(topic);
        let set = handlers.get(name);
        if (!set) {
          set = new Set();
          handlers.set(name, set);
          subscribed = listener.subscribe(name);
          subscribed.catch((error: unknown) => console.error("subscribing failed", name, error));
        }
        set.add(handler as (payload: unknown) => void);
        return () => {
          set.delete(handler as (payload: unknown) => void);
          if (set.size > 0 || handlers.get(name) !== set) return;
          handlers.delete(name);
          listener.unsubscribe(name).catch((error: unknown) => {
            console.error("unsubscribing failed", name, error);
          });
        };
      },
      ready: async () => {
        await subscribed;
      },
    };
  }

  return {
    /** The connection for shared state (presence, rate limits): commands, not pub/sub. */
    client: publisher,
    topics,
    async connect(): Promise<void> {
      await Promise.all([publisher.connect(), listener.connect()]);
    },
    onGap(listener: () => void): void {
      gapListeners.add(listener);
    },
    async close(): Promise<void> {
      await Promise.all([publisher.quit(), listener.quit()]);
    },
  };
}

export type RedisBus = ReturnType<typeof connectRedisBus>;
