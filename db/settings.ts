import { eq } from "drizzle-orm";
import type { SettingsKey } from "../protocol/settings.ts";
import { type AuditEntry, recordAudit } from "./audit.ts";
import { type Db, first, write } from "./database.ts";

/** The stored document for a key, unchecked: the caller validates it against its schema. */
export async function readSettings(db: Db, key: SettingsKey): Promise<unknown> {
  const { settings } = db.t;
  const rows = await db.q
    .select({ value: settings.value })
    .from(settings)
    .where(eq(settings.key, key));
  return first(rows)?.value;
}

export async function saveSettings(
  db: Db,
  key: SettingsKey,
  value: unknown,
  audit: Pick<AuditEntry, "agentId">,
  now: number,
): Promise<void> {
  await write(db, async (tx) => {
    const { settings } = tx.t;
    await tx.q
      .insert(settings)
      .values({ key, value, updatedAt: now })
      .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: now } });
    await recordAudit(tx, { ...audit, action: "settings_saved", target: `settings:${key}` }, now);
  });
}
