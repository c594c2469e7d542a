import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from "node:crypto";
import pLimit from "p-limit";

// OWASP's scrypt setting: N=2^17, r=8, p=1 (128 MiB per hash).
const PARAMS = { N: 2 ** 17, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;
/** Hashes computed at once (each takes 128 MiB and a core for about a third of a second). */
const HASHES_AT_ONCE = 2;
/** Hashes that may wait for one of those: beyond, the server says it is busy. */
const HASHES_WAITING = 16;
const hashing = pLimit(HASHES_AT_ONCE);

/** Too many password hashes are waiting already: try again in a moment. */
export class HashingBusy extends Error {
  constructor() {
    super("Too many sign-ins at once; try again in a moment.");
  }
}

/** A stored value that is not a hash of ours (an invitation not yet accepted): matches nothing. */
const NOTHING = `scrypt$${PARAMS.N}$${PARAMS.r}$${PARAMS.p}$${randomBytes(16).toString("base64")}$`;

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, PARAMS);
  const { N, r, p } = PARAMS;
  return `scrypt$${N}$${r}$${p}$${salt.toString("base64")}$${key.toString("base64")}`;
}

/**
 * Whether the password matches the stored hash. The same work is done whatever is stored
 * (a real hash, an invitation's placeholder), so timing does not tell them apart.
 */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const ours = /^scrypt\$\d+\$\d+\$\d+\$[\w+/=]+\$[\w+/=]+$/.test(stored);
  const [, N, r, p, salt, key] = (ours ? stored : NOTHING).split("$");
  const expected = Buffer.from(key ?? "", "base64");
  const actual = await derive(password, Buffer.from(salt ?? "", "base64"), {
    N: Number(N),
    r: Number(r),
    p: Number(p),
  });
  return ours && actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** One hash, in turn: at most HASHES_AT_ONCE run, and HashingBusy when too many wait. */
function derive(password: string, salt: Buffer, params: { N: number; r: number; p: number }) {
  if (hashing.pendingCount >= HASHES_WAITING) return Promise.reject(new HashingBusy());
  const options: ScryptOptions = { ...params, maxmem: 256 * 1024 * 1024 };
  return hashing(
    () =>
      new Promise<Buffer>((resolve, reject) => {
        scrypt(password.normalize("NFKC"), salt, KEY_LENGTH, options, (error, key) =>
          error ? reject(error) : resolve(key),
        );
      }),
  );
}

/** A password for the first admin when none was configured: 18 random bytes, base64url. */
export function generatePassword(): string {
  return randomBytes(18).toString("base64url");
}
