// The load of `npm run bench` against the other deployments: one node on PostgreSQL, and two
// and three nodes on PostgreSQL with the Redis bus, each on a database of its own. All nodes,
// PostgreSQL and Redis share this machine's cores: the figures show what a message costs
// each part, and that nothing is lost or slowed past the targets, not how far it scales.
import { randomBytes } from "node:crypto";
import { cpuMs } from "../local-services/cpu.ts";
import { createDatabase, startPostgres } from "../local-services/postgres.ts";
import { startRedis } from "../local-services/redis.ts";
import { handoffLatency, type Latency } from "./load/handoff-latency.ts";
import { chatTarget, type Deployment } from "./load/targets.ts";
import { throughput } from "./load/throughput.ts";

export interface DeploymentFigures {
  name: string;
  nodes: number;
  messagesPerSecond: number;
  /** CPU time per message delivered, in ms, while the throughput was measured. */
  postgresCpuMs: number;
  redisCpuMs: number | undefined;
  latency: Latency;
}

export async function deploymentFigures(
  options: { connections: number; perSecond: number },
  progress: (line: string) => void,
): Promise<DeploymentFigures[]> {
  const postgres = await startPostgres();
  const redis = await startRedis();
  const results: DeploymentFigures[] = [];
  try {
    for (const nodes of [1, 2, 3]) {
      const name = nodes === 1 ? "PostgreSQL, 1 node" : `PostgreSQL + Redis, ${nodes} nodes`;
      const deployment = async (): Promise<Deployment> => ({
        nodes,
        env: {
          DATABASE_URL: await createDatabase(
            postgres.url,
            `bench_${randomBytes(6).toString("hex")}`,
          ),
          SECRET: randomBytes(32).toString("hex"),
          ...(nodes > 1
            ? { REDIS_URL: redis.url, REDIS_PREFIX: `bench-${randomBytes(4).toString("hex")}` }
            : {}),
        },
      });
      progress(`${name}: messages per second with ${options.connections} customers`);
      const load = await deployment();
      let started = { postgres: 0, redis: 0 };
      let cost = { postgres: 0, redis: 0 };
      const rate = await throughput((hooks) => chatTarget(hooks, load), {
        connections: options.connections,
        warmUpMs: 1_000,
        measureMs: 4_000,
        window: (open) => {
          const now = { postgres: cpuMs(postgres.pid), redis: cpuMs(redis.pid) };
          if (open) started = now;
          else
            cost = { postgres: now.postgres - started.postgres, redis: now.redis - started.redis };
        },
      });
      const delivered = rate * 4;
      progress(`${name}: handoff latency at ${options.perSecond} messages per second`);
      const steady = await deployment();
      const latency = await handoffLatency((hooks) => chatTarget(hooks, steady), {
        perSecond: options.perSecond,
        warmUpMs: 2_000,
        durationMs: 5_000,
      });
      results.push({
        name,
        nodes,
        messagesPerSecond: rate,
        postgresCpuMs: cost.postgres / delivered,
        redisCpuMs: nodes > 1 ? cost.redis / delivered : undefined,
        latency,
      });
    }
  } finally {
    await Promise.all([postgres.stop(), redis.stop()]);
  }
  return results;
}
