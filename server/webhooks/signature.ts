import { createHmac } from "node:crypto";

/**
 * The Standard Webhooks signature (standardwebhooks.com): HMAC-SHA256, keyed with the secret's
 * bytes, over "<id>.<timestamp>.<body>", sent as "v1,<base64>".
 */
export function signature(
  delivery: { secret: string; eventId: string; payload: string },
  timestamp: number,
): string {
  const key = Buffer.from(delivery.secret.replace(/^whsec_/, ""), "base64");
  const signed = `${delivery.eventId}.${timestamp}.${delivery.payload}`;
  return `v1,${createHmac("sha256", key).update(signed).digest("base64")}`;
}
