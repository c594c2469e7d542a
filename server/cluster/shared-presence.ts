import type { Redis } from "ioredis";
import { localCounts, type Presence } from "../presence.ts";

/**
 * Presence across nodes in Redis: each node keeps a hash of the ids it holds a connection
 * for, rewritten at every heartbeat and expiring after `ttlMs`, so a node that dies takes its
 * connections with it within that time; the node set lists whose hashes to read.
 */
export function sharedPresence(
  redis: Redis,
  options: { prefix: string; kind: string; node: string; ttlMs: number },
): Presence & { beat(): Promise<void>; leaveAll(): Promise<void> } {
  const nodes = `${options.prefix}:presence:${options.kind}:nodes`;
  const key = (node: string) => `${options.prefix}:presence:${options.kind}:${node}`;
  const own = key(options.node);
  let writes: Promise<unknown> = Promise.resolve();
  const local = localCounts((id, present) => {
    const change = present
      ? redis
          .multi()
          .hset(own, String(id), "1")
          .pexpire(own, options.ttlMs)
          .sadd(nodes, options.node)
      : redis.multi().hdel(own, String(id));
    writes = change.exec().catch((error: unknown) => console.error("presence not shared", error));
  });

  async function liveNodes(): Promise<string[]> {
    return redis.smembers(nodes);
  }

  return {
    async enter(id) {
      const leave = local.enter(id);
      await writes;
      return leave;
    },
    async has(id) {
      if (local.counts.has(id)) return true;
      const pipeline = redis.pipeline();
      for (const node of await liveNodes()) pipeline.hexists(key(node), String(id));
      const found = (await pipeline.exec()) ?? [];
      return found.some(([, value]) => value === 1);
    },
    here: () => local.counts.keys(),
    async everywhere() {
      const pipeline = redis.pipeline();
      const all = await liveNodes();
      for (const node of all) pipeline.hkeys(key(node));
      const found = (await pipeline.exec()) ?? [];
      const ids = new Set(local.counts.keys());
      found.forEach(([, fields], index) => {
        const list = fields as string[] | null;
        for (const field of list ?? []) ids.add(Number(field));
        // An empty or expired hash: the node holds nothing (or died); it re-registers itself.
        if (!list || list.length === 0) {
          redis.srem(nodes, all[index] ?? "").catch((error: unknown) => {
            console.error("presence: a node not forgotten", error);
          });
        }
      });
      return ids;
    },
    /** At shutdown: this node holds nobody any more, at once rather than after the TTL. */
    async leaveAll() {
      local.counts.clear();
      await writes;
      await redis.multi().del(own).srem(nodes, options.node).exec();
    },
    /** Rewrites this node's hash and extends its life; missed writes heal here. */
    async beat() {
      const ids = [...local.counts.keys()].map(String);
      const transaction = redis.multi().del(own);
      if (ids.length > 0) {
        transaction
          .hset(own, Object.fromEntries(ids.map((id) => [id, "1"])))
          .pexpire(own, options.ttlMs)
          .sadd(nodes, options.node);
      }
      await transaction.exec();
    },
  };
}
