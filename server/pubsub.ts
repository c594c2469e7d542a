/**
 * Everything that reaches a socket other than the sender's goes through here: in one process
 * by default, or through Redis between several server nodes (cluster/redis-bus.ts).
 */
export interface PubSub<T> {
  publish(topic: string, payload: T): void;
  /** Returns the function that ends the subscription. */
  subscribe(topic: string, handler: (payload: T) => void): () => void;
  /**
   * Settles once every subscription made so far receives what is published from then on:
   * read stored state after it, and nothing published meanwhile is missed.
   */
  ready(): Promise<void>;
}

export function inProcessPubSub<T>(): PubSub<T> {
  const topics = new Map<string, Set<(payload: T) => void>>();
  return {
    publish(topic, payload) {
      for (const handler of topics.get(topic) ?? []) handler(payload);
    },
    subscribe(topic, handler) {
      let handlers = topics.get(topic);
      if (!handlers) {
        handlers = new Set();
        topics.set(topic, handlers);
      }
      handlers.add(handler);
      return () => {
        handlers.delete(handler);
        if (handlers.size === 0) topics.delete(topic);
      };
    },
    ready: async () => undefined,
  };
}
