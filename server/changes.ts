import { randomUUID } from "node:crypto";
import type { PubSub } from "./pubsub.ts";

/**
 * A change to what every node keeps in memory (the settings, the FAQ, the engine's learned
 * negatives, the webhook endpoints), made on one node: the others read it again from the
 * database.
 */
export type Change =
  | { kind: "settings" }
  | { kind: "faq"; ids: number[] }
  | { kind: "negatives" }
  | { kind: "webhooks" };

type Sent = Change & { from: string };

export function createChanges(topics: <T>(kind: string) => PubSub<T>) {
  const node = randomUUID();
  const bus = topics<Sent>("changes");
  return {
    announce(change: Change): void {
      bus.publish("all", { ...change, from: node });
    },
    /** Hears the other nodes' changes; returns what ends it. */
    listen(handler: (change: Change) => void): () => void {
      return bus.subscribe("all", (sent) => {
        if (sent.from !== node) handler(sent);
      });
    },
  };
}

export type Changes = ReturnType<typeof createChanges>;
