import type { Repositories } from "@bbscart/core";
import type { Executor } from "../executor.js";
import { sqliteAudit } from "./audit.js";
import { sqliteCarts } from "./carts.js";
import { sqliteCategories } from "./categories.js";
import { sqliteCoupons } from "./coupons.js";
import { sqliteIdempotency } from "./idempotency.js";
import { sqliteInventory } from "./inventory.js";
import { sqliteLedger } from "./ledger.js";
import { sqliteOrders } from "./orders.js";
import { sqliteOutbox } from "./outbox.js";
import { sqlitePasswordResets } from "./password-resets.js";
import { sqliteProducts } from "./products.js";
import { sqliteSessions } from "./sessions.js";
import { sqliteSettings } from "./settings.js";
import { sqliteTaxDocuments } from "./tax-documents.js";
import { sqliteUsers } from "./users.js";
import { sqliteWebhooks } from "./webhooks.js";

/** Every repository over one executor: the unit of work's, or the one outside transactions. */
export function sqliteRepositories(ex: Executor): Repositories {
  return {
    users: sqliteUsers(ex),
    sessions: sqliteSessions(ex),
    passwordResets: sqlitePasswordResets(ex),
    categories: sqliteCategories(ex),
    products: sqliteProducts(ex),
    inventory: sqliteInventory(ex),
    carts: sqliteCarts(ex),
    coupons: sqliteCoupons(ex),
    orders: sqliteOrders(ex),
    idempotency: sqliteIdempotency(ex),
    ledger: sqliteLedger(ex),
    webhooks: sqliteWebhooks(ex),
    outbox: sqliteOutbox(ex),
    audit: sqliteAudit(ex),
    settings: sqliteSettings(ex),
    taxDocuments: sqliteTaxDocuments(ex),
  };
}
