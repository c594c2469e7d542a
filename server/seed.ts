import { countAgents, createAgent, type Db, insertFaqEntries } from "../db/index.ts";
import { generatePassword, hashPassword } from "./auth/password.ts";
import { DEMO_FAQ } from "./demo/faq.ts";

export interface SeedResult {
  /** Set only when the password was generated here: it is shown once and never stored. */
  generatedPassword?: string;
}

/** On a new database only: the demo company's FAQ and its first admin. */
export async function seedIfEmpty(
  db: Db,
  admin: { email: string; password: string | undefined },
  now: number,
): Promise<SeedResult | undefined> {
  if ((await countAgents(db)) > 0) return undefined;
  const password = admin.password ?? generatePassword();
  await createAgent(db, {
    email: admin.email,
    name: "Admin",
    role: "admin",
    passwordHash: await hashPassword(password),
    createdAt: now,
  });
  await insertFaqEntries(
    db,
    Object.entries(DEMO_FAQ).flatMap(([lang, entries]) =>
      entries.map((entry) => ({ ...entry, lang, updatedAt: now })),
    ),
  );
  return admin.password ? {} : { generatedPassword: password };
}
