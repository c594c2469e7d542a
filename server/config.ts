import { resolve } from "node:path";
import type { S3Options } from "./files/store.ts";
import { DEFAULT_LIMITS, type Limits } from "./limits.ts";
import { DEFAULT_PAUSE_MS } from "./triage/index.ts";

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** postgres://… to store in PostgreSQL; unset: a SQLite file in `dataDir`. */
  databaseUrl: string | undefined;
  /** redis://… shared by several nodes (frames, presence, rate limits); unset: one node. */
  redisUrl: string | undefined;
  /** Starts every Redis key and channel, so several installations can share one Redis. */
  redisPrefix: string;
  /** A node that stops beating (it died) drops out of presence after this long. */
  nodeTtlMs: number;
  adminEmail: string;
  /** Unset: a random password is generated on first start and printed once. */
  adminPassword: string | undefined;
  /** How long the customer must be quiet before the bot answers, in ms. */
  botPauseMs: number;
  /** Pages allowed to open the widget's socket, besides this server's own (the demo page). */
  allowedOrigins: string[];
  /** Where this server is reached from outside (https://chat.example.com); its own pages. */
  publicOrigin: string | undefined;
  /** Signs visitor tokens; unset: a random one is kept in DATA_DIR/secret.key. */
  secret: string | undefined;
  /** Shared with the company's backend for identity verification; unset: user ids are ignored. */
  identitySecret: string | undefined;
  /** Behind a reverse proxy: take the client address from X-Forwarded-For. */
  trustProxy: boolean;
  /** How often both sides check that a connection is alive. */
  heartbeatMs: number;
  /** smtp://user:pass@host:587 or smtps://…: replies reach customers who left by email. */
  smtpUrl: string | undefined;
  /** The sender of those emails. */
  mailFrom: string;
  /** A failed email is tried again after this long, then twice that, and so on. */
  mailRetryMs: number;
  /** A failed webhook delivery is tried again after this long, then twice that, and so on. */
  webhookRetryMs: number;
  /** Webhooks and Web Push may reach loopback and private networks (a receiver on this machine). */
  allowPrivateAddresses: boolean;
  /** Files go to this S3-compatible bucket (S3_BUCKET…); unset: under DATA_DIR/files. */
  s3: S3Options | undefined;
  limits: Limits;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  if (env.REDIS_URL && !env.SECRET) {
    // A visitor token signed by one node must open the chat on every other.
    throw new Error("With REDIS_URL, set the same SECRET (at least 32 characters) on every node.");
  }
  return {
    port: wholeNumber("PORT", env.PORT ?? "3000", 65535),
    host: env.HOST ?? "127.0.0.1",
    dataDir: resolve(env.DATA_DIR ?? "data"),
    databaseUrl: urlOf("DATABASE_URL", env.DATABASE_URL, ["postgres:", "postgresql:"]),
    redisUrl: urlOf("REDIS_URL", env.REDIS_URL, ["redis:", "rediss:"]),
    redisPrefix: env.REDIS_PREFIX || "chat",
    nodeTtlMs: wholeNumber("NODE_TTL_MS", env.NODE_TTL_MS ?? "15000"),
    adminEmail: (env.ADMIN_EMAIL ?? "admin@example.com").trim().toLowerCase(),
    adminPassword: env.ADMIN_PASSWORD || undefined,
    botPauseMs: wholeNumber("BOT_PAUSE_MS", env.BOT_PAUSE_MS ?? String(DEFAULT_PAUSE_MS)),
    allowedOrigins: origins("ALLOWED_ORIGINS", env.ALLOWED_ORIGINS ?? ""),
    publicOrigin: origins("PUBLIC_URL", env.PUBLIC_URL ?? "")[0],
    secret: longSecret("SECRET", env.SECRET),
    identitySecret: longSecret("IDENTITY_SECRET", env.IDENTITY_SECRET),
    trustProxy: env.TRUST_PROXY === "1" || env.TRUST_PROXY === "true",
    heartbeatMs: wholeNumber("HEARTBEAT_MS", env.HEARTBEAT_MS ?? "25000"),
    smtpUrl: smtpUrl(env.SMTP_URL),
    mailFrom: env.MAIL_FROM ?? "Customer support <support@localhost>",
    mailRetryMs: wholeNumber("MAIL_RETRY_MS", env.MAIL_RETRY_MS ?? "60000"),
    webhookRetryMs: wholeNumber("WEBHOOK_RETRY_MS", env.WEBHOOK_RETRY_MS ?? "30000"),
    allowPrivateAddresses:
      env.ALLOW_PRIVATE_ADDRESSES === "1" || env.ALLOW_PRIVATE_ADDRESSES === "true",
    s3: s3Options(env),
    limits: DEFAULT_LIMITS,
  };
}

function wholeNumber(name: string, value: string, max = Number.MAX_SAFE_INTEGER): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > max) {
    throw new Error(`${name} must be a whole number from 0 to ${max}, not "${value}".`);
  }
  return n;
}

/** A comma-separated list of origins such as `https://shop.example.com`, each checked. */
function origins(name: string, value: string): string[] {
  return value
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "")
    .map((item) => {
      const url = URL.canParse(item) ? new URL(item) : undefined;
      if (!url || url.origin !== item.replace(/\/$/, "")) {
        throw new Error(`${name}: "${item}" is not an origin like https://shop.example.com`);
      }
      return url.origin;
    });
}

function smtpUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const url = URL.canParse(value) ? new URL(value) : undefined;
  if (!url || (url.protocol !== "smtp:" && url.protocol !== "smtps:")) {
    throw new Error("SMTP_URL must look like smtp://user:password@mail.example.com:587.");
  }
  return value;
}

function urlOf(name: string, value: string | undefined, protocols: string[]): string | undefined {
  if (!value) return undefined;
  const url = URL.canParse(value) ? new URL(value) : undefined;
  if (!url || !protocols.includes(url.protocol)) {
    throw new Error(`${name} must be a ${protocols.join(" or ")}// URL, not "${value}".`);
  }
  return value;
}

function longSecret(name: string, value: string | undefined): string | undefined {
  if (!value) return undefined;
  if (value.length < 32) throw new Error(`${name} must be at least 32 characters long.`);
  return value;
}

function s3Options(env: NodeJS.ProcessEnv): S3Options | undefined {
  if (!env.S3_BUCKET) return undefined;
  const { S3_ACCESS_KEY_ID: accessKeyId, S3_SECRET_ACCESS_KEY: secretAccessKey } = env;
  if (Boolean(accessKeyId) !== Boolean(secretAccessKey)) {
    throw new Error("Set both S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY, or neither.");
  }
  return {
    bucket: env.S3_BUCKET,
    endpoint: urlOf("S3_ENDPOINT", env.S3_ENDPOINT, ["http:", "https:"]),
    region: env.S3_REGION || "us-east-1",
    credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined,
    prefix: env.S3_PREFIX ?? "",
  };
}
