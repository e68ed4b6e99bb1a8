import { withSettingDefaults, type SettingsRepository, type StoreSettings } from "@bbscart/core";
import { decodeJson, encodeJson } from "../codec.js";
import type { Executor } from "../executor.js";

/** Store settings are one small document, read and replaced whole. */
export function sqliteSettings(ex: Executor): SettingsRepository {
  return {
    get: () =>
      ex.read((c) => {
        const row = c.prepare("SELECT document FROM settings WHERE id = 1").get() as { document: string } | undefined;
        // Settings saved before a part existed (the tax settings) read back with that part's defaults.
        return row ? withSettingDefaults(decodeJson<StoreSettings>(row.document)) : null;
      }),
    save: (settings) =>
      ex.write((c) => {
        c.prepare("INSERT INTO settings (id, document) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET document = excluded.document").run(
          encodeJson(settings),
        );
      }),
    // A unit of work holds SQLite's write lock (BEGIN IMMEDIATE) from its first statement to its commit,
    // so the currency it read cannot change before it commits: there is no race to conflict on.
    lockCurrency: () => Promise.resolve(),
  };
}
