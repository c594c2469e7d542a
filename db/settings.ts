import { eq } from "drizzle-orm";
import type { SettingsKey } from "../protocol/settings.ts";
import { type AuditEntry, recordAudit } from "./audit.ts";
import type { Db } from "./database.ts";
import { settings } from "./schema.ts";

/** The stored document for a key, unchecked: the caller validates it against its schema. */
export async function readSettings(db: Db, key: SettingsKey): Promise<unknown> {
  return db.select({ value: settings.value }).from(settings).where(eq(settings.key, key)).get()
    ?.value;
}

export async function saveSettings(
  db: Db,
  key: SettingsKey,
  value: unknown,
  audit: Pick<AuditEntry, "agentId">,
  now: number,
): Promise<void> {
  db.transaction((tx) => {
    tx.insert(settings)
      .values({ key, value, updatedAt: now })
      .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: now } })
      .run();
    recordAudit(tx, { ...audit, action: "settings_saved", target: `settings:${key}` }, now);
  });
}
