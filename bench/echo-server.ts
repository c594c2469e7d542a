// The baseline: a plain `ws` server that sends every frame straight back. Same library, same
// machine, same load generator as the chat server, so the ratio between them is what our
// own work costs.
import { WebSocketServer } from "ws";

const wss = new WebSocketServer({ host: "127.0.0.1", port: 0 });
wss.on("connection", (socket) => {
  socket.on("message", (data, isBinary) => socket.send(data, { binary: isBinary }));
});
wss.on("listening", () => {
  const address = wss.address();
  if (address === null || typeof address === "string")
    throw new Error(`unexpected address ${address}`);
  console.log(`Echo server: ws://127.0.0.1:${address.port}/`);
});
process.once("SIGTERM", () => wss.close(() => process.exit(0)));
