/**
 * Everything that reaches a socket other than the sender's goes through here, so a later
 * Redis or PostgreSQL LISTEN/NOTIFY implementation can span several server nodes.
 */
export interface PubSub<T> {
  publish(topic: string, payload: T): void;
  /** Returns the function that ends the subscription. */
  subscribe(topic: string, handler: (payload: T) => void): () => void;
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
  };
}
