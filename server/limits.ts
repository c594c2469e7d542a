import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

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
  /** Failed sign-ins, per address and per address and email; a success clears the latter. */
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
  signInsPerIp: { points: 30, perMs: 15 * MINUTE },
  signInsPerAccount: { points: 5, perMs: 15 * MINUTE },
  maxBufferedBytes: 1024 * 1024,
};

type Counter = (key: string) => Promise<number | undefined>;

/**
 * The server's memory of who did how much lately. Every check returns undefined when the
 * action may go ahead, or how many milliseconds to wait.
 */
export function createGuard(limits: Limits) {
  const open = new Map<string, number>();
  return {
    limits,
    frame: counter(limits.framesPerConnection),
    messageOnConnection: counter(limits.messagesPerConnection),
    messageFromIp: counter(limits.messagesPerIp),
    newVisitor: counter(limits.newVisitorsPerIp),
    newConversation: counter(limits.newConversationsPerIp),
    signInsFromIp: failures(limits.signInsPerIp),
    signInsToAccount: failures(limits.signInsPerAccount),

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

function counter(rate: Rate): Counter {
  const limiter = new RateLimiterMemory({ points: rate.points, duration: rate.perMs / 1000 });
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

/** Counts only failures: `blocked` says how long to wait once they reach the limit. */
function failures(rate: Rate) {
  const limiter = new RateLimiterMemory({ points: rate.points, duration: rate.perMs / 1000 });
  return {
    async blocked(key: string): Promise<number | undefined> {
      const state = await limiter.get(key);
      return state && state.consumedPoints >= rate.points
        ? Math.max(1, state.msBeforeNext)
        : undefined;
    },
    async failed(key: string): Promise<void> {
      await limiter.penalty(key);
    },
    async succeeded(key: string): Promise<void> {
      await limiter.delete(key);
    },
  };
}
