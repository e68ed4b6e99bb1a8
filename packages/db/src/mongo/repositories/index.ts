import type { Repositories } from "@bbscart/core";
import { auditRepository } from "./audit.js";
import { cartRepository } from "./carts.js";
import { categoryRepository } from "./categories.js";
import type { RepoContext } from "./context.js";
import { couponRepository } from "./coupons.js";
import { idempotencyRepository } from "./idempotency.js";
import { inventoryRepository } from "./inventory.js";
import { ledgerRepository } from "./ledger.js";
import { orderRepository } from "./orders.js";
import { outboxRepository } from "./outbox.js";
import { passwordResetRepository } from "./password-resets.js";
import { productRepository } from "./products.js";
import { sessionRepository } from "./sessions.js";
import { settingsRepository } from "./settings.js";
import { taxDocumentRepository } from "./tax-documents.js";
import { userRepository } from "./users.js";
import { webhookEventRepository } from "./webhooks.js";

/** Every repository, bound to one context: a transaction's session, or none. */
export function createRepositories(ctx: RepoContext): Repositories {
  return {
    users: userRepository(ctx),
    sessions: sessionRepository(ctx),
    passwordResets: passwordResetRepository(ctx),
    categories: categoryRepository(ctx),
    products: productRepository(ctx),
    inventory: inventoryRepository(ctx),
    carts: cartRepository(ctx),
    coupons: couponRepository(ctx),
    orders: orderRepository(ctx),
    idempotency: idempotencyRepository(ctx),
    ledger: ledgerRepository(ctx),
    webhooks: webhookEventRepository(ctx),
    outbox: outboxRepository(ctx),
    audit: auditRepository(ctx),
    settings: settingsRepository(ctx),
    taxDocuments: taxDocumentRepository(ctx),
  };
}
