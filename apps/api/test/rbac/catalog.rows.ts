import { actorFor, defaultStoreSettings } from "@bbscart/core";
import type { RowSet, World } from "./types.js";

let made = 0;
/** A fresh suffix per call: creating rows succeed once per run, for the one caller allowed. */
const fresh = () => `${process.pid}-${++made}`;

const asAdmin = (w: World) => ({ user: w.callers.adminWith.user, actor: actorFor(w.callers.adminWith.user)!, requestId: null });

export const catalogRows: RowSet = {
  async prepare(world) {
    const catalog = world.app.services.catalog;
    const shelf = (name: string) => catalog.createCategory(asAdmin(world), { name: `${name} ${fresh()}`, parentId: null, description: "", image: null });
    const category = await shelf("Rbac shelf");
    const movable = await shelf("Rbac movable");
    const archivable = await shelf("Rbac archivable");
    const restorable = await shelf("Rbac restorable");
    await catalog.archiveCategory(asAdmin(world), { categoryId: restorable.id });
    const product = (name: string) =>
      catalog.createProduct(asAdmin(world), {
        name,
        description: "",
        categoryId: category.id,
        active: true,
        taxRateBp: null,
        hsnCode: null,
        images: [],
        variants: [{ sku: `RBAC-${fresh()}`, name: "", priceMinor: 9900, stockOnHand: 10, active: true }],
      });
    const shown = await product(`Rbac kettle ${fresh()}`);
    const archived = await product(`Rbac lamp ${fresh()}`);
    const coupon = await world.app.services.coupons.createCoupon(asAdmin(world), {
      kind: "fixed",
      amountMinor: 1000,
      code: `RBAC${process.pid}`,
      description: null,
      active: true,
      minOrderMinor: null,
      startsAt: null,
      expiresAt: null,
      usageLimit: null,
      perCustomerLimit: null,
    });
    Object.assign(world.fixtures, {
      categoryId: category.id,
      movableCategoryId: movable.id,
      archivableCategoryId: archivable.id,
      restorableCategoryId: restorable.id,
      productId: shown.id,
      productSlug: shown.slug,
      variantId: shown.variants[0]!.id,
      archivableProductId: archived.id,
      couponCode: coupon.code,
    });
  },
  rows: {
    "catalog.list": { access: "public", input: () => ({}) },
    "catalog.bySlug": { access: "public", input: (_, w) => ({ slug: w.fixtures.productSlug }) },
    "catalog.categories": { access: "public" },
    "catalog.storeInfo": { access: "public" },

    "admin.catalog.list": { access: "admin:catalog.manage", input: () => ({}) },
    "admin.catalog.product": { access: "admin:catalog.manage", input: (_, w) => ({ productId: w.fixtures.productId }) },
    "admin.catalog.createProduct": {
      access: "admin:catalog.manage",
      input: (_, w) => ({ name: `Rbac mug ${fresh()}`, categoryId: w.fixtures.categoryId, variants: [{ sku: `RBAC-${fresh()}`, priceMinor: 4900 }] }),
    },
    "admin.catalog.updateProduct": { access: "admin:catalog.manage", input: (_, w) => ({ productId: w.fixtures.productId, description: "Sturdy." }) },
    "admin.catalog.archiveProduct": { access: "admin:catalog.manage", input: (_, w) => ({ productId: w.fixtures.archivableProductId }) },
    "admin.catalog.restoreProduct": { access: "admin:catalog.manage", input: (_, w) => ({ productId: w.fixtures.productId }) },
    "admin.catalog.duplicateProduct": { access: "admin:catalog.manage", input: (_, w) => ({ productId: w.fixtures.productId }) },
    "admin.catalog.pricePreview": { access: "admin:catalog.manage", input: (_, w) => ({ productIds: [w.fixtures.productId], changeBp: 1000 }) },
    "admin.catalog.bulkUpdate": {
      access: "admin:catalog.manage",
      input: (_, w) => ({ productIds: [w.fixtures.productId], action: { type: "category", categoryId: w.fixtures.categoryId } }),
    },
    "admin.catalog.categories": { access: "admin:catalog.manage" },
    "admin.catalog.moveCategory": { access: "admin:catalog.manage", input: (_, w) => ({ categoryId: w.fixtures.movableCategoryId, parentId: w.fixtures.categoryId }) },
    "admin.catalog.archiveCategory": { access: "admin:catalog.manage", input: (_, w) => ({ categoryId: w.fixtures.archivableCategoryId }) },
    "admin.catalog.restoreCategory": { access: "admin:catalog.manage", input: (_, w) => ({ categoryId: w.fixtures.restorableCategoryId }) },
    "admin.catalog.addVariant": {
      access: "admin:catalog.manage",
      input: (_, w) => ({ productId: w.fixtures.productId, sku: `RBAC-${fresh()}`, name: "Large", priceMinor: 12900 }),
    },
    "admin.catalog.updateVariant": { access: "admin:catalog.manage", input: (_, w) => ({ variantId: w.fixtures.variantId, priceMinor: 9500 }) },
    "admin.catalog.createCategory": { access: "admin:catalog.manage", input: () => ({ name: `Rbac aisle ${fresh()}` }) },
    "admin.catalog.updateCategory": { access: "admin:catalog.manage", input: (_, w) => ({ categoryId: w.fixtures.categoryId, name: "Rbac shelf" }) },
    "admin.catalog.adjustStock": {
      access: "admin:catalog.manage",
      input: (_, w) => ({ variantId: w.fixtures.variantId, delta: 1, reason: "recounted the shelf" }),
    },

    "admin.settings.get": { access: "admin:settings.manage" },
    "admin.settings.update": { access: "admin:settings.manage", input: () => defaultStoreSettings },
    "admin.settings.updateTax": { access: "admin:settings.manage", input: () => defaultStoreSettings.tax },
    "admin.settings.coupons.list": { access: "admin:settings.manage", input: () => ({}) },
    "admin.settings.coupons.create": {
      access: "admin:settings.manage",
      input: () => ({ kind: "percentage", code: `RB${fresh().replace(/\D/g, "")}`, percentBp: 500 }),
    },
    "admin.settings.coupons.update": {
      access: "admin:settings.manage",
      // Each edit bumps the version, so the input names the one stored now.
      input: async (_, w) => ({ code: w.fixtures.couponCode, expectedVersion: (await w.app.db.repos.coupons.findByCode(w.fixtures.couponCode!))?.version, usageLimit: 10 }),
    },
    "admin.settings.coupons.deactivate": { access: "admin:settings.manage", input: (_, w) => ({ code: w.fixtures.couponCode }) },
  },
};
