import type { StoreSettings } from "@bbscart/core";
import { catalogListInput, type storeSettingsInput } from "@bbscart/core/schemas";
import type { z } from "zod";
import { type AdminCall, AppError, auditAs, type CommerceDeps, loadSettings } from "../common/index.js";
import { catalogQuery } from "../catalog/index.js";

/** Settings as the audit log keeps them (plain JSON). */
const settingsSnapshot = (settings: StoreSettings) => ({
  ...settings,
  deliveryOptions: settings.deliveryOptions.map((option) => ({ ...option, etaDays: { ...option.etaDays } })),
});

/** Store settings (admin, audited) and what shoppers may know of them. */
export function settingsService({ db, clock, ids }: Pick<CommerceDeps, "db" | "clock" | "ids">) {
  const record = auditAs(clock, ids);
  return {
    get: () => loadSettings(db.repos),

    /** What the shop shows before checkout: how it delivers, for how much, in which currency, whether COD exists. */
    async storeInfo() {
      const settings = await loadSettings(db.repos);
      return {
        storeName: settings.storeName,
        currency: settings.currency,
        deliveryOptions: settings.deliveryOptions,
        codEnabled: settings.codEnabled,
        returnWindowDays: settings.returnWindowDays,
      };
    },

    /** Replaces the whole settings document. The currency is fixed once products carry prices in it. */
    async update(call: AdminCall, input: z.output<typeof storeSettingsInput>) {
      return db.uow.run(async (repos) => {
        const before = await loadSettings(repos);
        if (input.currency !== before.currency) {
          const priced = await repos.products.search(catalogQuery(catalogListInput.parse({ limit: 1 }), true));
          if (priced.items.length > 0) {
            throw new AppError("CONFLICT", `Currency cannot change while products are priced in ${before.currency}`, { field: "currency" });
          }
        }
        await repos.settings.save(input);
        await record(repos, call, { action: "settings.update", targetType: "settings", targetId: "store", before: settingsSnapshot(before), after: settingsSnapshot(input) });
        return input;
      });
    },

  };
}
