import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import { createPresence, type Presence } from "../presence.ts";
import { inProcessPubSub, type PubSub } from "../pubsub.ts";
import { connectRedisBus } from "./redis-bus.ts";
import { sharedPresence } from "./shared-presence.ts";

/**
 * What one server node shares with the others: the topics every socket's frames travel on,
 * who is connected (agents and customers), and the store the rate limits count in. Without
 * REDIS_URL the node is alone and all of it stays in its memory.
 */
export interface Cluster {
  topics: <T>(kind: string) => PubSub<T>;
  agents: Presence;
  customers: Presence;
  /** Where rate limits count, shared by every node; undefined: in this node's memory. */
  limits: { store: Redis; prefix: string } | undefined;
  /** Frames may have been lost between nodes (the bus reconnected): sockets should resume. */
  onGap(listener: () => void): void;
  /** Keeps this node's presence alive; a node that stops beating drops out after `ttlMs`. */
  beat(): Promise<void>;
  close(): Promise<void>;
}

export async function joinCluster(
  redisUrl: string | undefined,
  options: { prefix: string; ttlMs: number },
): Promise<Cluster> {
  if (!redisUrl) {
    return {
      topics: () => inProcessPubSub(),
      agents: createPresence(),
      customers: createPresence(),
      limits: undefined,
      onGap: () => {},
      beat: async () => {},
      close: async () => {},
    };
  }
  const { prefix, ttlMs } = options;
  const bus = connectRedisBus(redisUrl, prefix);
  await bus.connect();
  const node = randomUUID();
  const agents = sharedPresence(bus.client, { prefix, kind: "agents", node, ttlMs });
  const customers = sharedPresence(bus.client, { prefix, kind: "customers", node, ttlMs });
  bus.onGap(() => {
    // Writes made while Redis was away are rewritten now rather than at the next beat.
    void Promise.all([agents.beat(), customers.beat()]).catch((error: unknown) => {
      console.error("presence not rewritten", error);
    });
  });
  return {
    topics: bus.topics,
    agents,
    customers,
    limits: { store: bus.client, prefix },
    onGap: bus.onGap,
    async beat() {
      await Promise.all([agents.beat(), customers.beat()]);
    },
    async close() {
      await Promise.all([agents.leaveAll(), customers.leaveAll()]);
      await bus.close();
    },
  };
}
