import { performance } from "node:perf_hooks";
import WebSocket from "ws";

export type Frame = { type: string } & Record<string, unknown>;

/**
 * Opens a WebSocket on 127.0.0.1 whose frames arrive parsed, stamped with the moment they
 * were read. Every target is driven through this one client, so their figures compare.
 */
export function openFrameSocket(
  url: string,
  headers: Record<string, string>,
  onFrame: (frame: Frame, at: number) => void,
): Promise<WebSocket> {
  const socket = new WebSocket(url, { headers });
  socket.on("message", (data) => onFrame(JSON.parse(String(data)) as Frame, performance.now()));
  return new Promise((resolve, reject) => {
    socket.once("open", () => resolve(socket));
    socket.once("error", reject);
  });
}

/** Runs `open` for `count` indexes with at most `parallel` in flight, in index order. */
export async function openMany<T>(
  count: number,
  open: (index: number) => Promise<T>,
  parallel = 100,
): Promise<T[]> {
  const opened: T[] = new Array(count);
  let next = 0;
  async function worker(): Promise<void> {
    while (next < count) {
      const index = next++;
      opened[index] = await open(index);
    }
  }
  await Promise.all(Array.from({ length: Math.min(parallel, count) }, worker));
  return opened;
}
