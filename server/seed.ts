import { countAgents, type Db, fillEmptyDatabase } from "../db/index.ts";
import { generatePassword, hashPassword } from "./auth/password.ts";
import { DEMO_FAQ } from "./demo/faq.ts";

export interface SeedResult {
  /** Set only when the password was generated here: it is shown once and never stored. */
  generatedPassword?: string;
}

/**
 * On a new database only: the demo company's FAQ and its first admin. Of several nodes
 * starting at once on a new database, one seeds it.
 */
export async function seedIfEmpty(
  db: Db,
  admin: { email: string; password: string | undefined },
  now: number,
): Promise<SeedResult | undefined> {
  if ((await countAgents(db)) > 0) return undefined;
  const password = admin.password ?? generatePassword();
  const seeded = await fillEmptyDatabase(
    db,
    {
      email: admin.email,
      name: "Admin",
      role: "admin",
      passwordHash: await hashPassword(password),
      createdAt: now,
    },
    Object.entries(DEMO_FAQ).flatMap(([lang, entries]) =>
      entries.map((entry) => ({ ...entry, lang, updatedAt: now })),
    ),
  );
  if (!seeded) return undefined;
  return admin.password ? {} : { generatedPassword: password };
}
