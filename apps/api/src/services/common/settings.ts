import { defaultStoreSettings, type Repositories, type StoreSettings } from "@bbscart/core";

/** The store's settings as saved by an admin, or the defaults until then. */
export async function loadSettings(repos: Pick<Repositories, "settings">): Promise<StoreSettings> {
  return (await repos.settings.get()) ?? defaultStoreSettings;
}
