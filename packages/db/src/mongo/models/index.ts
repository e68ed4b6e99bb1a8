import type { Connection, Model } from "mongoose";
import { auditSchema, type AuditDoc } from "./audit.js";
import { cartSchema, type CartDoc } from "./carts.js";
import { categorySchema, type CategoryDoc } from "./categories.js";
import { couponRedemptionSchema, couponSchema, type CouponDoc, type CouponRedemptionDoc } from "./coupons.js";
import { idempotencyKeySchema, type IdempotencyKeyDoc } from "./idempotency-keys.js";
import { lockSchema, type LockDoc } from "./locks.js";
import { balanceSchema, transferSchema, type BalanceDoc, type TransferDoc } from "./ledger.js";
import { orderSchema, type OrderDoc } from "./orders.js";
import { outboxSchema, type OutboxDoc } from "./outbox.js";
import { passwordResetSchema, type PasswordResetDoc } from "./password-resets.js";
import { productSchema, type ProductDoc } from "./products.js";
import { searchVocabularySchema, type SearchVocabularyDoc } from "./search-vocabulary.js";
import { rollupDaySchema, rollupProductSchema, rollupStateSchema, type RollupDayDoc, type RollupProductDoc, type RollupStateDoc } from "./rollups.js";
import { sessionSchema, type SessionDoc } from "./sessions.js";
import { settingsSchema, type SettingsDoc } from "./settings.js";
import { taxDocumentSchema, type TaxDocumentDoc } from "./tax-documents.js";
import { userSchema, type UserDoc } from "./users.js";
import { variantSchema, type VariantDoc } from "./variants.js";
import { webhookEventSchema, type WebhookEventDoc } from "./webhook-events.js";

/** Every collection of the store, as models bound to one connection. */
export interface Models {
  users: Model<UserDoc>;
  sessions: Model<SessionDoc>;
  passwordResets: Model<PasswordResetDoc>;
  categories: Model<CategoryDoc>;
  products: Model<ProductDoc>;
  variants: Model<VariantDoc>;
  searchVocabulary: Model<SearchVocabularyDoc>;
  carts: Model<CartDoc>;
  coupons: Model<CouponDoc>;
  couponRedemptions: Model<CouponRedemptionDoc>;
  orders: Model<OrderDoc>;
  idempotencyKeys: Model<IdempotencyKeyDoc>;
  transfers: Model<TransferDoc>;
  balances: Model<BalanceDoc>;
  webhookEvents: Model<WebhookEventDoc>;
  outbox: Model<OutboxDoc>;
  audit: Model<AuditDoc>;
  settings: Model<SettingsDoc>;
  locks: Model<LockDoc>;
  rollupState: Model<RollupStateDoc>;
  rollupDays: Model<RollupDayDoc>;
  rollupProducts: Model<RollupProductDoc>;
  taxDocuments: Model<TaxDocumentDoc>;
}

/** Compiles the schemas on `connection` (not the global mongoose), so handles never share models. */
export function registerModels(connection: Connection): Models {
  return {
    users: connection.model<UserDoc>("User", userSchema),
    sessions: connection.model<SessionDoc>("Session", sessionSchema),
    passwordResets: connection.model<PasswordResetDoc>("PasswordReset", passwordResetSchema),
    categories: connection.model<CategoryDoc>("Category", categorySchema),
    products: connection.model<ProductDoc>("Product", productSchema),
    variants: connection.model<VariantDoc>("Variant", variantSchema),
    searchVocabulary: connection.model<SearchVocabularyDoc>("SearchVocabulary", searchVocabularySchema),
    carts: connection.model<CartDoc>("Cart", cartSchema),
    coupons: connection.model<CouponDoc>("Coupon", couponSchema),
    couponRedemptions: connection.model<CouponRedemptionDoc>("CouponRedemption", couponRedemptionSchema),
    orders: connection.model<OrderDoc>("Order", orderSchema),
    idempotencyKeys: connection.model<IdempotencyKeyDoc>("IdempotencyKey", idempotencyKeySchema),
    transfers: connection.model<TransferDoc>("Transfer", transferSchema),
    balances: connection.model<BalanceDoc>("Balance", balanceSchema),
    webhookEvents: connection.model<WebhookEventDoc>("WebhookEvent", webhookEventSchema),
    outbox: connection.model<OutboxDoc>("OutboxMessage", outboxSchema),
    audit: connection.model<AuditDoc>("AuditEntry", auditSchema),
    settings: connection.model<SettingsDoc>("Settings", settingsSchema),
    locks: connection.model<LockDoc>("Lock", lockSchema),
    rollupState: connection.model<RollupStateDoc>("RollupState", rollupStateSchema),
    rollupDays: connection.model<RollupDayDoc>("RollupDay", rollupDaySchema),
    rollupProducts: connection.model<RollupProductDoc>("RollupProduct", rollupProductSchema),
    taxDocuments: connection.model<TaxDocumentDoc>("TaxDocument", taxDocumentSchema),
  };
}

/**
 * Indexes earlier versions declared and this one replaced under a new name (MongoDB refuses to
 * change an index's options in place). Dropped at open so they cost no writes; see ADR 080.
 */
const retiredIndexes: Partial<Record<keyof Models, readonly string[]>> = {
  carts: ["user", "guest"],
  products: ["search_text", "price", "name", "category_price", "category_name"],
  orders: ["payment_intent"],
};

const NAMESPACE_NOT_FOUND = 26;

/** Drops the retired indexes a database still has; a fresh database has none, and nothing is asked to drop. */
async function dropRetired(models: Models): Promise<void> {
  for (const [name, retired] of Object.entries(retiredIndexes) as [keyof Models, readonly string[]][]) {
    const { collection } = models[name];
    const indexes = await collection.indexes().catch((error: unknown) => {
      // A database that never had the collection has no retired index on it either.
      if ((error as { code?: unknown }).code === NAMESPACE_NOT_FOUND) return [];
      throw error;
    });
    const present = new Set(indexes.map((index) => index.name));
    for (const index of retired.filter((candidate) => present.has(candidate))) await collection.dropIndex(index);
  }
}

/** Builds every declared index; open awaits it, so a handle never serves before its unique indexes exist. */
export async function createIndexes(models: Models): Promise<void> {
  await dropRetired(models);
  for (const model of Object.values(models) as Model<unknown>[]) await model.createIndexes();
}
