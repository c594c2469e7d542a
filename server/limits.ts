import type { Redis } from "ioredis";
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
} from "rate-limiter-flexible";

/** So many events per window; one more is refused until the window has room again. */
export interface Rate {
  points: number;
  perMs: number;
}

export interface Limits {
  /** Open WebSockets from one address (an office behind one NAT shares it). */
  connectionsPerIp: number;
  /** Frames of any kind on one socket; a flood beyond it closes the socket (1008). */
  framesPerConnection: Rate;
  /** Messages a person can send; beyond, a `rate_limited` error says when to retry. */
  messagesPerConnection: Rate;
  messagesPerIp: Rate;
  /** New visitors and new conversations from one address. */
  newVisitorsPerIp: Rate;
  newConversationsPerIp: Rate;
  /** Files customers upload from one address. */
  uploadsPerIp: Rate;
  /** REST API requests with one token. */
  apiRequestsPerToken: Rate;
  /** Conversations emailed at customers' request from one address (each is an email sent). */
  transcriptsPerIp: Rate;
  /**
   * Sign-in attempts, per address and per address and email, counted before the password is
   * checked; a success does not count against the address and clears the latter.
   */
  signInsPerIp: Rate;
  signInsPerAccount: Rate;
  /** Unsent bytes a socket may hold before it is closed as a slow reader (1013). */
  maxBufferedBytes: number;
}

const MINUTE = 60_000;

export const DEFAULT_LIMITS: Limits = {
  connectionsPerIp: 50,
  framesPerConnection: { points: 120, perMs: 10_000 },
  messagesPerConnection: { points: 20, perMs: 10_000 },
  messagesPerIp: { points: 300, perMs: MINUTE },
  newVisitorsPerIp: { points: 60, perMs: MINUTE },
  newConversationsPerIp: { points: 30, perMs: MINUTE },
  uploadsPerIp: { points: 60, perMs: MINUTE },
  apiRequestsPerToken: { points: 600, perMs: MINUTE },
  transcriptsPerIp: { points: 5, perMs: 60 * MINUTE },
  signInsPerIp: { points: 30, perMs: 15 * MINUTE },
  signInsPerAccount: { points: 5, perMs: 15 * MINUTE },
  maxBufferedBytes: 1024 * 1024,
};

type Counter = (key: string) => Promise<number | undefined>;

/**
 * The server's memory of who did how much lately. Every check returns undefined when the
 * action may go ahead, or how many milliseconds to wait. Limits per address and per account
 * count in `shared` (Redis) when several nodes serve, so spreading requests over the nodes
 * gains nothing; a connection lives on one node, so its limits stay in its memory. Should
 * Redis be unreachable, each node counts alone meanwhile rather than refusing everyone.
 */
export function createGuard(limits: Limits, shared?: { store: Redis; prefix: string }) {
  const open = new Map<string, number>();
  const across = (name: string, rate: Rate) =>
    limiter(rate, shared && { store: shared.store, name: `${shared.prefix}:limit:${name}` });
  return {
    limits,
    frame: counterOf(limiter(limits.framesPerConnection)),
    messageOnConnection: counterOf(limiter(limits.messagesPerConnection)),
    messageFromIp: counterOf(across("messages-ip", limits.messagesPerIp)),
    newVisitor: counterOf(across("visitors-ip", limits.newVisitorsPerIp)),
    newConversation: counterOf(across("conversations-ip", limits.newConversationsPerIp)),
    uploadFromIp: counterOf(across("uploads-ip", limits.uploadsPerIp)),
    apiRequest: counterOf(across("api-token", limits.apiRequestsPerToken)),
    transcriptFromIp: counterOf(across("transcripts-ip", limits.transcriptsPerIp)),
    signInsFromIp: attempts(across("sign-ins-ip", limits.signInsPerIp), "refund"),
    signInsToAccount: attempts(across("sign-ins-account", limits.signInsPerAccount), "clear"),

    /** Counts a new socket from this address; false when it already has the most allowed. */
    admit(ip: string): boolean {
      const count = open.get(ip) ?? 0;
      if (count >= limits.connectionsPerIp) return false;
      open.set(ip, count + 1);
      return true;
    },
    release(ip: string): void {
      const count = (open.get(ip) ?? 1) - 1;
      if (count <= 0) open.delete(ip);
      else open.set(ip, count);
    },
  };
}

export type Guard = ReturnType<typeof createGuard>;

function limiter(rate: Rate, shared?: { store: Redis; name: string }): RateLimiterAbstract {
  const window = { points: rate.points, duration: rate.perMs / 1000 };
  if (!shared) return new RateLimiterMemory(window);
  return new RateLimiterRedis({
    ...window,
    storeClient: shared.store,
    keyPrefix: shared.name,
    insuranceLimiter: new RateLimiterMemory(window),
  });
}

function counterOf(limiter: RateLimiterAbstract): Counter {
  return async (key) => {
    try {
      await limiter.consume(key);
      return undefined;
    } catch (refusal) {
      if (refusal instanceof RateLimiterRes) return Math.max(1, refusal.msBeforeNext);
      throw refusal;
    }
  };
}

/**
 * Counts attempts before the work they ask for (a password hash), so that attempts made at
 * once cannot all slip past the limit; `succeeded` gives a success its point back (`refund`)
 * or forgets the key's attempts (`clear`).
 */
function attempts(counted: RateLimiterAbstract, onSuccess: "refund" | "clear") {
  return {
    attempt: counterOf(counted),
    async succeeded(key: string): Promise<void> {
      if (onSuccess === "clear") await counted.delete(key);
      else await counted.reward(key, 1);
    },
  };
}
