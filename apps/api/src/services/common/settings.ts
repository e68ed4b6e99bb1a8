import { defaultStoreSettings, type Repositories, type StoreSettings } from "@bbscart/core";

/** The store's settings as saved by an admin, or the defaults until then. */
export async function loadSettings(repos: Pick<Repositories, "settings">): Promise<StoreSettings> {
  return (await repos.settings.get()) ?? defaultStoreSettings;
}

/**
 * The store currency, for a unit of work about to price something in it. Takes the currency lock, so a
 * concurrent currency change (which refuses while priced products exist) and this price never both
 * commit: on MongoDB one of the two transactions conflicts and re-runs on the other's result (ADR 083).
 */
export async function pricingCurrency(repos: Pick<Repositories, "settings">): Promise<string> {
  const { currency } = await loadSettings(repos);
  await repos.settings.lockCurrency();
  return currency;
}
