import type { Repositories } from "@bbscart/core";
import { inr, makeCart, makeCategory, makeCoupon, makeOrder, makeProduct, makeSettings, makeTransfer, makeUser, makeVariant } from "@bbscart/core/testing";
import { expect, it } from "vitest";
import { itNeeds, type ContractContext } from "../context.js";
import type { Capability } from "../lane.js";
import { issuedInvoice } from "./tax-documents.js";
import { at, Boom, makeAudit, makeIdempotency, makeOutbox, makeReset, makeSession, makeWebhook } from "../fixtures.js";

/** Every write method of every repository. */
interface WriteMethods {
  users: "create" | "update" | "updateAccess" | "acceptTotpStep" | "consumeRecoveryCode" | "replaceTotpSecret";
  sessions: "create" | "markRotated" | "revokeFamily" | "revokeAllForUser";
  passwordResets: "create" | "consume";
  categories: "create" | "update" | "delete" | "touchTree";
  products: "create" | "update" | "addVariant" | "updateVariant";
  inventory: "reserveIfAvailable" | "releaseIfReserved" | "commitIfReserved" | "restock" | "adjustIfAboveReserved";
  carts: "save" | "delete";
  coupons: "create" | "update" | "redeemIfAvailable" | "releaseRedemption";
  orders: "create" | "save";
  idempotency: "claim" | "close";
  ledger: "append" | "debitIfSufficient" | "credit";
  webhooks: "insert" | "claimForProcessing" | "markProcessed" | "markFailed";
  outbox: "enqueue" | "markSent" | "markFailed" | "markDiscarded";
  audit: "append";
  settings: "save";
  taxDocuments: "issue";
}

/** Every read method, so that a method added to a port and not classified here fails to compile. */
interface ReadMethods {
  users: "findById" | "findSignedIn" | "findByEmail" | "list";
  sessions: "findByHash";
  passwordResets: "findByHash";
  categories: "findById" | "findBySlug" | "list" | "treeVersion";
  products: "findById" | "findBySlug" | "findEntries" | "search" | "listing" | "lookupVocabulary" | "lowStock";
  inventory: "level";
  carts: "findByUser" | "findByGuest";
  coupons: "findByCode" | "list" | "customerUses";
  orders: "findById" | "findByPaymentIntent" | "findByNumber" | "listForUser" | "findUnclaimedGuestOrders" | "list" | "findExpired" | "findAwaitingPayment" | "findWithPendingRefunds" | "countByStatus" | "salesFigures" | "topProducts" | "couponSales" | "customerOrders";
  idempotency: "find" | "findOpen";
  ledger: "findTransfer" | "balance" | "derivedBalance" | "statement" | "byReference";
  webhooks: "find" | "list";
  outbox: "find" | "list";
  audit: "list";
  settings: "get";
  taxDocuments: "listForOrder" | "findByNumber" | "pageIssued";
}

/**
 * Writes whose effect can only be observed by writing again (a sequence: reading its next value
 * bumps it); their rollback is proven by their own contract case ("order numbers", concurrency).
 */
interface SequenceMethods {
  orders: "nextNumber";
  taxDocuments: "nextNumber";
}

/**
 * Writes that exist only to make concurrent units of work conflict, with no effect a read can see;
 * proven by their concurrency case ("a new priced product and a currency change").
 */
interface LockMethods {
  settings: "lockCurrency";
}

type Classified<R extends keyof Repositories> =
  | WriteMethods[R]
  | ReadMethods[R]
  | (R extends keyof SequenceMethods ? SequenceMethods[R] : never)
  | (R extends keyof LockMethods ? LockMethods[R] : never);
type Unclassified = { [R in keyof Repositories]: Exclude<keyof Repositories[R], Classified<R>> }[keyof Repositories];
const everyMethodClassified: [Unclassified] extends [never] ? true : Unclassified = true;

interface RollbackCase {
  /** The write, called inside a unit of work. */
  readonly write: (repos: Repositories) => Promise<unknown>;
  /** Reads the state the write changes. */
  readonly observe: (repos: Repositories) => Promise<unknown>;
  readonly needs?: readonly Capability[];
}

const catalogQuery = { cursor: null, limit: 10, categoryId: null, minPriceMinor: null, maxPriceMinor: null, inStock: null, sort: "newest", includeInactive: true } as const;
const pendingOrder = makeOrder({ status: "pending_payment" });
const openTopUp = makeIdempotency({ scope: "wallet_top_up", key: "topup-1", resultId: "pi_1", openSince: at(0) });

/** One record of everything, so each write has something to change. */
async function seed(repos: Repositories): Promise<void> {
  await repos.users.create(makeUser({ totp: { secret: "sealed-1", confirmedAt: at(0), lastStep: null, recoveryCodes: ["rc-1"] } }));
  await repos.sessions.create(makeSession());
  await repos.passwordResets.create(makeReset());
  await repos.categories.create(makeCategory({ id: "cat-1", slug: "kurtas", name: "Kurtas" }));
  await repos.products.create(makeProduct());
  await repos.inventory.reserveIfAvailable("var-1", 2);
  await repos.carts.save(makeCart([{ variantId: "var-1", quantity: 1, unitPrice: inr(129900) }]));
  await repos.coupons.create(makeCoupon());
  await repos.coupons.redeemIfAvailable("WELCOME10", ["user-1"]);
  await repos.orders.create(pendingOrder);
  await repos.ledger.credit("wallet:user-1", inr(10000));
  await repos.webhooks.insert(makeWebhook());
  await repos.outbox.enqueue(makeOutbox());
  await repos.idempotency.claim(openTopUp);
  await repos.settings.save(makeSettings());
}

const cases: { readonly [R in keyof WriteMethods]: { readonly [M in WriteMethods[R]]: RollbackCase } } = {
  users: {
    create: { write: (r) => r.users.create(makeUser({ id: "user-2", email: "b@example.com" })), observe: (r) => r.users.findByEmail("b@example.com") },
    update: { write: (r) => r.users.update("user-1", { name: "Changed", updatedAt: at(1) }), observe: (r) => r.users.findById("user-1") },
    updateAccess: {
      write: (r) => r.users.updateAccess("user-1", { role: "admin", permissions: ["orders.manage"], updatedAt: at(1) }),
      observe: (r) => r.users.findById("user-1"),
    },
    acceptTotpStep: { write: (r) => r.users.acceptTotpStep("user-1", 100), observe: (r) => r.users.findById("user-1") },
    consumeRecoveryCode: {
      write: (r) => r.users.consumeRecoveryCode("user-1", "rc-1"),
      observe: (r) => r.users.findById("user-1"),
      needs: ["arrayPull"],
    },
    replaceTotpSecret: { write: (r) => r.users.replaceTotpSecret("user-1", "sealed-1", "sealed-2"), observe: (r) => r.users.findById("user-1") },
  },
  sessions: {
    create: { write: (r) => r.sessions.create(makeSession({ id: "s2", tokenHash: "h2" })), observe: (r) => r.sessions.findByHash("h2") },
    markRotated: { write: (r) => r.sessions.markRotated("sess-1", at(1)), observe: (r) => r.sessions.findByHash("hash-1") },
    revokeFamily: { write: (r) => r.sessions.revokeFamily("fam-1", at(1)), observe: (r) => r.sessions.findByHash("hash-1") },
    revokeAllForUser: { write: (r) => r.sessions.revokeAllForUser("user-1", at(1)), observe: (r) => r.sessions.findByHash("hash-1") },
  },
  passwordResets: {
    create: { write: (r) => r.passwordResets.create(makeReset({ id: "r2", tokenHash: "rh2" })), observe: (r) => r.passwordResets.findByHash("rh2") },
    consume: { write: (r) => r.passwordResets.consume("reset-1", at(1)), observe: (r) => r.passwordResets.findByHash("reset-hash-1") },
  },
  categories: {
    create: { write: (r) => r.categories.create(makeCategory({ id: "cat-2", slug: "sarees", name: "Sarees" })), observe: (r) => r.categories.list() },
    update: {
      write: (r) => r.categories.update("cat-1", { name: "Tunics" }),
      observe: async (r) => [await r.categories.findById("cat-1"), await r.products.search({ ...catalogQuery, search: "tunics" })],
    },
    delete: { write: (r) => r.categories.delete("cat-1"), observe: (r) => r.categories.findById("cat-1") },
    touchTree: { write: (r) => r.categories.touchTree(), observe: (r) => r.categories.treeVersion() },
  },
  products: {
    create: {
      write: (r) => r.products.create(makeProduct({ id: "prod-2", slug: "p2", name: "Dupatta", variants: [makeVariant({ id: "var-2", productId: "prod-2", sku: "D-1" })] })),
      observe: async (r) => [await r.products.findById("prod-2"), await r.products.search({ ...catalogQuery, search: "dupatta" })],
    },
    update: {
      write: (r) => r.products.update("prod-1", { name: "Dupatta", updatedAt: at(1) }),
      observe: async (r) => [await r.products.findById("prod-1"), await r.products.search({ ...catalogQuery, search: "dupatta" })],
    },
    addVariant: {
      write: (r) => r.products.addVariant(makeVariant({ id: "var-2", sku: "KURTA-RED-M", price: inr(100) })),
      observe: async (r) => [await r.products.findById("prod-1"), await r.products.search({ ...catalogQuery, search: null, maxPriceMinor: 100 })],
    },
    updateVariant: {
      write: (r) => r.products.updateVariant("var-1", { sku: "KURTA-GRN-M", price: inr(100) }),
      observe: async (r) => [await r.products.findById("prod-1"), await r.products.search({ ...catalogQuery, search: "grn" })],
    },
  },
  inventory: {
    reserveIfAvailable: { write: (r) => r.inventory.reserveIfAvailable("var-1", 1), observe: (r) => r.inventory.level("var-1"), needs: ["exprArithmetic"] },
    releaseIfReserved: { write: (r) => r.inventory.releaseIfReserved("var-1", 1), observe: (r) => r.inventory.level("var-1") },
    commitIfReserved: { write: (r) => r.inventory.commitIfReserved("var-1", 1), observe: (r) => r.inventory.level("var-1") },
    restock: { write: (r) => r.inventory.restock("var-1", 1), observe: (r) => r.inventory.level("var-1") },
    adjustIfAboveReserved: {
      write: (r) => r.inventory.adjustIfAboveReserved("var-1", -3),
      observe: (r) => r.inventory.level("var-1"),
      needs: ["exprArithmetic"],
    },
  },
  carts: {
    save: { write: (r) => r.carts.save(makeCart([], { updatedAt: at(1) })), observe: (r) => r.carts.findByUser("user-1") },
    delete: { write: (r) => r.carts.delete("cart-1"), observe: (r) => r.carts.findByUser("user-1") },
  },
  coupons: {
    create: { write: (r) => r.coupons.create(makeCoupon({ code: "NEW" })), observe: (r) => r.coupons.findByCode("NEW") },
    update: {
      write: (r) => r.coupons.update("WELCOME10", { active: false, discount: { kind: "fixed", amount: inr(100) } }),
      observe: (r) => r.coupons.findByCode("WELCOME10"),
    },
    redeemIfAvailable: {
      write: (r) => r.coupons.redeemIfAvailable("WELCOME10", ["user-1"]),
      observe: async (r) => [await r.coupons.findByCode("WELCOME10"), await r.coupons.customerUses("WELCOME10", "user-1")],
    },
    releaseRedemption: {
      write: (r) => r.coupons.releaseRedemption("WELCOME10", ["user-1"]),
      observe: async (r) => [await r.coupons.findByCode("WELCOME10"), await r.coupons.customerUses("WELCOME10", "user-1")],
    },
  },
  orders: {
    create: {
      write: (r) => r.orders.create({ ...pendingOrder, id: "order-2", number: "BB-ORDER-2" }),
      // The order and its lines, which top products add up.
      observe: async (r) => [await r.orders.findById("order-2"), await r.orders.topProducts({ from: at(-1), to: at(1), currency: "INR", limit: 5 })],
    },
    save: {
      write: (r) => r.orders.save({ ...pendingOrder, cancelReason: "changed", version: pendingOrder.version + 1 }, pendingOrder.version),
      observe: (r) => r.orders.findById(pendingOrder.id),
    },
  },
  idempotency: {
    claim: { write: (r) => r.idempotency.claim(makeIdempotency()), observe: (r) => r.idempotency.find("user-1", "place_order", "key-1") },
    close: { write: (r) => r.idempotency.close("user-1", "wallet_top_up", "topup-1"), observe: (r) => r.idempotency.findOpen("wallet_top_up", at(1), 5) },
  },
  ledger: {
    append: { write: (r) => r.ledger.append(makeTransfer()), observe: (r) => r.ledger.derivedBalance("wallet:user-1", "INR") },
    debitIfSufficient: { write: (r) => r.ledger.debitIfSufficient("wallet:user-1", inr(100), 0), observe: (r) => r.ledger.balance("wallet:user-1", "INR") },
    credit: { write: (r) => r.ledger.credit("wallet:user-1", inr(100)), observe: (r) => r.ledger.balance("wallet:user-1", "INR") },
  },
  webhooks: {
    insert: { write: (r) => r.webhooks.insert(makeWebhook({ id: "evt_2" })), observe: (r) => r.webhooks.find("evt_2") },
    claimForProcessing: { write: (r) => r.webhooks.claimForProcessing("evt_1", at(1), at(0)), observe: (r) => r.webhooks.find("evt_1") },
    markProcessed: { write: (r) => r.webhooks.markProcessed("evt_1", at(1)), observe: (r) => r.webhooks.find("evt_1") },
    markFailed: { write: (r) => r.webhooks.markFailed("evt_1", "boom", at(1)), observe: (r) => r.webhooks.find("evt_1") },
  },
  outbox: {
    enqueue: { write: (r) => r.outbox.enqueue(makeOutbox({ id: "m2" })), observe: (r) => r.outbox.find("m2") },
    markSent: { write: (r) => r.outbox.markSent("order:o1:placed:email", at(1)), observe: (r) => r.outbox.find("order:o1:placed:email") },
    markFailed: { write: (r) => r.outbox.markFailed("order:o1:placed:email", "x", at(1)), observe: (r) => r.outbox.find("order:o1:placed:email") },
    // Failed first in the same unit of work, so the discard has something to change.
    markDiscarded: {
      write: async (r) => {
        await r.outbox.markFailed("order:o1:placed:email", "x", at(1));
        return r.outbox.markDiscarded("order:o1:placed:email");
      },
      observe: (r) => r.outbox.find("order:o1:placed:email"),
    },
  },
  audit: {
    append: {
      write: (r) => r.audit.append(makeAudit()),
      observe: (r) => r.audit.list({ cursor: null, limit: 5, actorId: null, action: null, targetType: null, targetId: null, from: null, to: null }),
    },
  },
  settings: {
    save: { write: (r) => r.settings.save(makeSettings({ storeName: "Changed" })), observe: (r) => r.settings.get() },
  },
  taxDocuments: {
    issue: { write: (r) => r.taxDocuments.issue(issuedInvoice(pendingOrder, "INV/25-26/000001")), observe: (r) => r.taxDocuments.listForOrder(pendingOrder.id) },
  },
};

const table = Object.entries(cases).flatMap(([repository, methods]) =>
  Object.entries(methods as Record<string, RollbackCase>).map(([method, rollbackCase]) => ({ name: `${repository}.${method}`, ...rollbackCase })),
);

export function rollbackCases(context: ContractContext): void {
  it("classifies every repository method as a read or a write", () => {
    expect(everyMethodClassified).toBe(true);
    expect(table).toHaveLength(49);
  });

  // Each case first proves the rollback leaves the state as it was, then that the same write
  // committed does change it, so a write that silently does nothing cannot pass.
  for (const { name, write, observe, needs } of table) {
    itNeeds(context, needs ?? [], `${name}: a failure after the write inside a unit of work leaves nothing behind`, async () => {
      const { db } = context;
      await seed(db.repos);
      const before = await observe(db.repos);
      await expect(
        db.uow.run(async (repos) => {
          await write(repos);
          throw new Boom("after the write");
        }),
      ).rejects.toBeInstanceOf(Boom);
      expect(await observe(db.repos)).toEqual(before);
      await db.uow.run((repos) => write(repos));
      expect(await observe(db.repos)).not.toEqual(before);
    });
  }
}
