import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * The key that signs visitor tokens: the configured one, else one made on first start and
 * kept beside the database (owner-only), so tokens outlive a restart.
 */
export function serverSecret(dataDir: string, configured: string | undefined): string {
  if (configured) return configured;
  const file = join(dataDir, "secret.key");
  try {
    return readFileSync(file, "utf8").trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  // "wx": when two processes race on a first start, the second fails instead of overwriting.
  writeFileSync(file, secret, { mode: 0o600, flag: "wx" });
  return secret;
}
