import type { SettingsRepository, StoreSettings } from "@bbscart/core";
import { SETTINGS_ID, type SettingsDoc } from "../models/settings.js";
import type { RepoContext } from "./context.js";

export function settingsRepository({ models: { settings }, session }: RepoContext): SettingsRepository {
  return {
    async get() {
      const doc = await settings.findById(SETTINGS_ID, null, { session }).lean<SettingsDoc>();
      if (!doc) return null;
      const { _id, ...stored } = doc;
      return stored satisfies StoreSettings;
    },
    async save(value) {
      await settings.replaceOne({ _id: SETTINGS_ID }, value satisfies Omit<SettingsDoc, "_id">, { upsert: true, session });
    },
  };
}
