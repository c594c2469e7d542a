/** The few things the server needs from a socket, so the core runs against any transport. */
export interface ClientSocket {
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

/**
 * Runs a connection's frames one after another: a frame's effects (store, ack, bot answer)
 * finish before the next frame starts, so replies keep the order of the frames.
 */
export function serialHandler(
  handle: (raw: unknown) => Promise<void>,
  onFailure: (error: unknown) => void,
): (raw: unknown) => void {
  let tail = Promise.resolve();
  return (raw) => {
    tail = tail.then(() => handle(raw)).catch(onFailure);
  };
}
