// The protocol's plain numbers, apart from the frame schemas so that a client can use them
// without bundling the validator (the widget parses its own server's frames by type only).
export const PROTOCOL_VERSION = 1;
/** A client pings after this long without a frame, and gives the socket up when the pong is late. */
export const HEARTBEAT_MS = 25_000;
export const HEARTBEAT_TIMEOUT_MS = 10_000;
/** An agent socket closed because the session is over: the inbox asks to sign in again. */
export const SESSION_ENDED_CLOSE = 4401;
/** An agent socket closed because the agent's role changed: the inbox reconnects. */
export const ROLE_CHANGED_CLOSE = 4409;
export const MAX_TEXT_LENGTH = 4000;
export const MAX_COMMENT_LENGTH = 1000;
