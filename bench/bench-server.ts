// The real server for the load benchmarks: the production entry's configuration, except that
// every rate limit is so high that one load generator on 127.0.0.1 never reaches it. The
// limit checks still run on every frame, as they do in production.
import { readConfig } from "../server/config.ts";
import type { Limits, Rate } from "../server/limits.ts";
import { startServer } from "../server/server.ts";

const NEVER: Rate = { points: 1e9, perMs: 1_000 };
const limits: Limits = {
  connectionsPerIp: 1e9,
  framesPerConnection: NEVER,
  messagesPerConnection: NEVER,
  messagesPerIp: NEVER,
  newVisitorsPerIp: NEVER,
  newConversationsPerIp: NEVER,
  uploadsPerIp: NEVER,
  apiRequestsPerToken: NEVER,
  transcriptsPerIp: NEVER,
  signInsPerIp: NEVER,
  signInsPerAccount: NEVER,
  maxBufferedBytes: 16 * 1024 * 1024,
};

const server = await startServer({ ...readConfig(), limits });
// The line `server/server-process.ts` waits for.
console.log(`Demo shop with the chat widget: ${server.url}/ `);
process.once("SIGTERM", () => {
  server.close().then(() => process.exit(0));
});
