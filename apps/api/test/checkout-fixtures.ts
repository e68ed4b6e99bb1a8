import { randomUUID } from "node:crypto";
import { adjustmentTransfer, postTransfers, walletAccount, type Product, type User } from "@bbscart/core";
import { inr, makeAddress, makeProduct, makeVariant } from "@bbscart/core/testing";
import type { RunningApp } from "./harness.js";

/** A delivery address as a shopper types it at checkout: the builder's, without the saved-address id. */
export const address = (({ id: _id, ...typed }) => ({ ...typed, state: "KA" as const, label: null }))(makeAddress());

export interface Shopper {
  user: User;
  token: string;
}

/**
 * Shoppers for load tests, written straight to the database with a signed access token: the
 * sign-in path has its own tests, and hundreds of argon2 verifications would only add minutes.
 */
export async function makeShoppers(app: RunningApp, count: number): Promise<Shopper[]> {
  const now = new Date();
  const shoppers = Array.from({ length: count }, (): Shopper => {
    const id = randomUUID();
    const user: User = {
      id,
      email: `load-${id}@example.test`,
      name: "Load Shopper",
      phone: null,
      passwordHash: "$argon2id$not-a-real-hash",
      role: "shopper",
      permissions: [],
      disabled: false,
      addresses: [],
      totp: null,
      createdAt: now,
      updatedAt: now,
    };
    // The sign-in the token names is the user's own id as a refresh family, stored below.
    return { user, token: app.services.tokens.sign({ sub: id, sid: id }).token };
  });
  await app.db.uow.run(async (repos) => {
    for (const { user } of shoppers) {
      await repos.users.create(user);
      const expiresAt = new Date(now.getTime() + 86_400_000);
      await repos.sessions.create({ id: user.id, userId: user.id, familyId: user.id, tokenHash: `unused-${user.id}`, createdAt: now, expiresAt, rotatedAt: null, revokedAt: null });
    }
  });
  return shoppers;
}

/** A product with one variant of `stock` units at `priceMinor`, straight into the catalog. */
export async function addProduct(app: RunningApp, options: { stock: number; priceMinor?: number }): Promise<Product & { variantId: string }> {
  const suffix = randomUUID().slice(0, 8);
  const variant = makeVariant({
    id: `var-${suffix}`,
    productId: `prod-${suffix}`,
    sku: `SKU-${suffix}`,
    price: inr(options.priceMinor ?? 100_000),
    stock: { onHand: options.stock, reserved: 0 },
  });
  const product = makeProduct({ id: `prod-${suffix}`, slug: `product-${suffix}`, categoryId: "cat-test", variants: [variant], createdAt: new Date(), updatedAt: new Date() });
  await app.db.uow.run((repos) => repos.products.create(product));
  return { ...product, variantId: variant.id };
}

/** Money into a shopper's wallet as an admin adjustment would put it there. */
export async function creditWallet(app: RunningApp, userId: string, minor: number): Promise<void> {
  const transfer = adjustmentTransfer({ id: `credit-${randomUUID()}`, userId, amount: inr(minor), reason: "test credit", now: new Date() });
  const posted = await app.db.uow.run((repos) => postTransfers(repos.ledger, [transfer], "INR"));
  if (!posted.ok) throw new Error(`credit failed: ${posted.error.code}`);
}

export const walletBalance = async (app: RunningApp, userId: string) => (await app.db.repos.ledger.balance(walletAccount(userId), "INR")).minor;

export const stockOf = async (app: RunningApp, variantId: string) => app.db.repos.inventory.level(variantId);

let keys = 0;
/** A fresh idempotency key, as the browser makes one per checkout submit. */
export const newKey = () => `key-${process.pid}-${++keys}-${randomUUID().slice(0, 8)}`;
