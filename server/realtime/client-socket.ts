import type { Guard } from "../limits.ts";

/** The few things the server needs from a socket, so the core runs against any transport. */
export interface ClientSocket {
  /** Unique per connection, for per-connection limits. */
  id: string;
  /** The client's address, for per-address limits. */
  ip: string;
  send(data: string): void;
  close(code: number, reason: string): void;
}

export interface FrameHandler {
  onMessage(raw: unknown): void;
  /** Resolves once every frame received so far has been handled (for a clean shutdown). */
  settled(): Promise<void>;
}

/**
 * Runs a connection's frames one after another: a frame's effects (store, ack, bot answer)
 * finish before the next frame starts, so replies keep the order of the frames. A socket
 * that floods frames beyond its limit is closed with 1008 (policy violation).
 */
export function frameHandler(
  socket: ClientSocket,
  guard: Guard,
  handle: (raw: unknown) => Promise<void>,
  onFailure: (error: unknown) => void,
): FrameHandler {
  let tail = Promise.resolve();
  let flooded = false;
  return {
    onMessage(raw) {
      tail = tail
        .then(async () => {
          if (flooded) return;
          if ((await guard.frame(socket.id)) !== undefined) {
            flooded = true;
            return socket.close(1008, "Too many frames; reconnect later.");
          }
          await handle(raw);
        })
        .catch(onFailure);
    },
    settled: () => tail,
  };
}
