import { createHmac, timingSafeEqual } from "node:crypto";

/** HMAC-SHA256 of a value: base64url for our own tokens, hex for the company's user hashes. */
export function sign(secret: string, value: string, encoding: "base64url" | "hex"): string {
  return createHmac("sha256", secret).update(value).digest(encoding);
}

/** Compares two signatures in constant time (a length mismatch is a plain no). */
export function sameSignature(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
