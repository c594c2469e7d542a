import { sameSignature, sign } from "./signing.ts";

/** How long a visitor token lasts; every hello gets a fresh one, so only idle visitors expire. */
export const VISITOR_TOKEN_TTL_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * `<visitorId>.<expiresAt>.<signature>`: the server can tell it made the token without storing
 * it, nobody can forge another visitor's, and it stops working after its expiry.
 */
export function issueVisitorToken(secret: string, visitorId: number, now: number): string {
  const body = `${visitorId}.${now + VISITOR_TOKEN_TTL_MS}`;
  return `${body}.${sign(secret, `visitor:${body}`, "base64url")}`;
}

/** The visitor id a token proves, or undefined when it is forged, malformed or expired. */
export function verifyVisitorToken(secret: string, token: string, now: number): number | undefined {
  const [id, expiresAt, signature, ...rest] = token.split(".");
  if (!id || !expiresAt || !signature || rest.length > 0) return undefined;
  if (!sameSignature(signature, sign(secret, `visitor:${id}.${expiresAt}`, "base64url"))) {
    return undefined;
  }
  const visitorId = Number(id);
  if (!Number.isSafeInteger(visitorId) || visitorId < 1 || Number(expiresAt) <= now) {
    return undefined;
  }
  return visitorId;
}

/**
 * Identity verification for the company's signed-in customers: their backend sends
 * hex(HMAC-SHA256(identity secret, user id)) with the id, as Intercom and Chatwoot do.
 */
export function verifyUserHash(secret: string, user: { id: string; hash: string }): boolean {
  return sameSignature(user.hash.toLowerCase(), sign(secret, user.id, "hex"));
}
