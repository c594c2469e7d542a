import { resolve } from "node:path";
import { DEFAULT_PAUSE_MS } from "./triage/index.ts";

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  adminEmail: string;
  /** Unset: a random password is generated on first start and printed once. */
  adminPassword: string | undefined;
  /** How long the customer must be quiet before the bot answers, in ms. */
  botPauseMs: number;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: wholeNumber("PORT", env.PORT ?? "3000", 65535),
    host: env.HOST ?? "127.0.0.1",
    dataDir: resolve(env.DATA_DIR ?? "data"),
    adminEmail: (env.ADMIN_EMAIL ?? "admin@example.com").trim().toLowerCase(),
    adminPassword: env.ADMIN_PASSWORD || undefined,
    botPauseMs: wholeNumber("BOT_PAUSE_MS", env.BOT_PAUSE_MS ?? String(DEFAULT_PAUSE_MS)),
  };
}

function wholeNumber(name: string, value: string, max = Number.MAX_SAFE_INTEGER): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > max) {
    throw new Error(`${name} must be a whole number from 0 to ${max}, not "${value}".`);
  }
  return n;
}
