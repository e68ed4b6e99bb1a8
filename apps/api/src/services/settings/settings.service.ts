import { checkSlab, checkTaxSettings, type StoreSettings } from "@bbscart/core";
import { catalogListInput, type storeSettingsInput, type taxSettingsInput } from "@bbscart/core/schemas";
import type { z } from "zod";
import { type AdminCall, AppError, auditAs, type CommerceDeps, loadSettings, refused } from "../common/index.js";
import { catalogQuery } from "../catalog/index.js";

/** Settings as the audit log keeps them (plain JSON). */
const settingsSnapshot = (settings: StoreSettings) => ({
  ...settings,
  deliveryOptions: settings.deliveryOptions.map((option) => ({ ...option, etaDays: { ...option.etaDays } })),
  tax: { ...settings.tax, addressLines: [...settings.tax.addressLines], slabsBp: [...settings.tax.slabsBp] },
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
        // Until the store has a GSTIN its documents are bills of supply, and the shop says so.
        gstRegistered: settings.tax.gstin !== null,
        gstSlabsBp: settings.tax.slabsBp,
      };
    },

    /**
     * Replaces the settings document but its tax settings (saved by `updateTax`). The currency is fixed
     * once products carry prices in it; the default product rate must be one of the GST slabs.
     */
    async update(call: AdminCall, changes: z.output<typeof storeSettingsInput>) {
      return db.uow.run(async (repos) => {
        const before = await loadSettings(repos);
        const input: StoreSettings = { ...changes, tax: before.tax };
        const rate = checkSlab(before.tax, input.taxRateBp, "taxRateBp");
        if (!rate.ok) throw refused(rate.error);
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

    /**
     * The store's GST identity and rules (decision record 150), checked across fields by core: a valid
     * GSTIN of the state the store names, a legal name once registered, a prefix of its own, delivery and
     * the default product rate among the slabs. Issued documents keep the identity they were issued under.
     */
    async updateTax(call: AdminCall, changes: z.output<typeof taxSettingsInput>) {
      const checked = checkTaxSettings(changes);
      if (!checked.ok) throw refused(checked.error);
      return db.uow.run(async (repos) => {
        const before = await loadSettings(repos);
        const rate = checkSlab(checked.value, before.taxRateBp, "slabsBp");
        if (!rate.ok) throw refused(rate.error);
        const after: StoreSettings = { ...before, tax: checked.value };
        await repos.settings.save(after);
        await record(repos, call, { action: "settings.update_tax", targetType: "settings", targetId: "store", before: settingsSnapshot(before), after: settingsSnapshot(after) });
        return after;
      });
    },
  };
}
