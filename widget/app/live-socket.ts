import { HEARTBEAT_MS, HEARTBEAT_TIMEOUT_MS } from "../../protocol/limits.ts";

export interface LiveSocketEvents {
  open(): void;
  frame(data: unknown): void;
  /**
   * The connection is gone (closed, or silent past the heartbeat: no `closed` then); a retry is
   * scheduled unless `stop()` is called.
   */
  lost(closed?: { code: number; reason: string }): void;
}

/**
 * A browser WebSocket that stays up: it reconnects with jittered exponential backoff, pings
 * after a quiet spell, and counts the connection as lost when the pong is late (a half-open
 * TCP connection never fires `close` by itself). The widget and the inbox both use it.
 */
export class LiveSocket {
  private socket: WebSocket | undefined;
  private watchdog: ReturnType<typeof setTimeout> | undefined;
  private retry: ReturnType<typeof setTimeout> | undefined;
  private attempts = 0;
  private stopped = false;

  constructor(
    private readonly url: URL,
    private readonly events: LiveSocketEvents,
    private readonly maxBackoffMs: number,
  ) {}

  connect(): void {
    if (this.socket || this.stopped) return;
    // Repeated calls add nothing: the browser keeps one listener per function.
    addEventListener("offline", this.networkLost);
    addEventListener("online", this.networkBack);
    const socket = new WebSocket(this.url);
    this.socket = socket;
    socket.onopen = () => {
      this.alive(socket);
      this.events.open();
    };
    socket.onmessage = (event) => {
      this.alive(socket);
      this.events.frame(event.data);
    };
    socket.onclose = (event) => this.lost(socket, { code: event.code, reason: event.reason });
  }

  send(data: string): void {
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(data);
  }

  /** The server accepted the session: the next drop retries quickly again. */
  accepted(): void {
    this.attempts = 0;
  }

  /**
   * The browser lost the network: the socket is given up at once rather than after the
   * heartbeat, and it reconnects as soon as the network is back.
   */
  private readonly networkLost = () => {
    if (this.socket) this.lost(this.socket);
  };

  private readonly networkBack = () => {
    clearTimeout(this.retry);
    this.attempts = 0;
    this.connect();
  };

  /** Closes for good (signing out): no more retries. */
  stop(): void {
    this.stopped = true;
    removeEventListener("offline", this.networkLost);
    removeEventListener("online", this.networkBack);
    if (this.socket) this.lost(this.socket);
  }

  private lost(socket: WebSocket, closed?: { code: number; reason: string }): void {
    if (this.socket !== socket) return;
    socket.onclose = null;
    socket.onmessage = null;
    socket.close();
    this.socket = undefined;
    clearTimeout(this.watchdog);
    this.events.lost(closed);
    if (this.stopped) return;
    const delay = Math.min(this.maxBackoffMs, 500 * 2 ** this.attempts) * (0.5 + Math.random() / 2);
    this.attempts += 1;
    this.retry = setTimeout(() => this.connect(), delay);
  }

  private alive(socket: WebSocket): void {
    clearTimeout(this.watchdog);
    this.watchdog = setTimeout(() => {
      this.send(JSON.stringify({ type: "ping" }));
      this.watchdog = setTimeout(() => this.lost(socket), HEARTBEAT_TIMEOUT_MS);
    }, HEARTBEAT_MS);
  }
}
