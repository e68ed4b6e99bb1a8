import { withSettingDefaults, type SettingsRepository } from "@bbscart/core";
import { CURRENCY_LOCK_ID } from "../models/locks.js";
import { SETTINGS_ID, type SettingsDoc } from "../models/settings.js";
import { bumpCatalogVersion } from "./catalog-version.js";
import type { RepoContext } from "./context.js";

/**
 * Creates the lock documents at version 0 at open, outside any transaction, so the units of work that
 * take a lock only ever update one existing document.
 */
export async function seedLocks({ locks }: Pick<RepoContext["models"], "locks">): Promise<void> {
  await locks.updateOne({ _id: CURRENCY_LOCK_ID }, { $setOnInsert: { version: 0 } }, { upsert: true });
}

export function settingsRepository({ models, session }: RepoContext): SettingsRepository {
  const { settings, locks } = models;
  // Both sides of a currency race write this one document, so snapshot isolation makes them conflict (ADR 083).
  const lockCurrency = async () => {
    await locks.updateOne({ _id: CURRENCY_LOCK_ID }, { $inc: { version: 1 } }, { upsert: true, session });
  };
  return {
    async get() {
      const doc = await settings.findById(SETTINGS_ID, null, { session }).lean<SettingsDoc>();
      if (!doc) return null;
      const { _id, ...stored } = doc;
      return withSettingDefaults(stored);
    },
    async save(value) {
      await lockCurrency();
      await settings.replaceOne({ _id: SETTINGS_ID }, value, { upsert: true, session });
      // The shop's answers show the currency and the low-stock threshold: a settings change is a catalog change.
      await bumpCatalogVersion(models, session);
    },
    lockCurrency,
  };
}
