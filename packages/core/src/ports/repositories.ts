import type { RefreshToken, PasswordResetToken } from "../account/session.js";
import type { Address, AdminPermission, Role, User } from "../account/user.js";
import type { Cart } from "../cart/cart.js";
import type { Coupon } from "../cart/coupon.js";
import type { CatalogEntry, CatalogSort, Category, ListedProduct, Product, Variant } from "../catalog/catalog.js";
import type { VocabularyLookup } from "../catalog/spelling.js";
import type { IdempotencyRecord, IdempotencyScope } from "../idempotency/idempotency.js";
import type { CouponSales, CustomerOrders, DailyFigures } from "../order/figures.js";
import type { StockLevel } from "../inventory/stock.js";
import type { CurrencyCode, Money } from "../money/money.js";
import type { OutboxMessage } from "../notification/notification.js";
import type { Order, OrderStatus } from "../order/order.js";
import type { PaymentMethod, PaymentStatus } from "../payment/payment.js";
import type { WebhookStatus } from "../payment/webhook.js";
import type { StoreSettings } from "../settings/settings.js";
import type { TaxDocument, TaxDocumentKind } from "../gst/document.js";
import type { AccountId } from "../wallet/accounts.js";
import type { Transfer } from "../wallet/transfer.js";

/*
 * The persistence contract. Rules every adapter keeps:
 * - Only domain types cross these interfaces; no rows or documents.
 * - A unique-index violation raises `DuplicateKeyError` with the key's name (see errors.ts).
 * - Stock, balances and counters change only through the guarded methods below, each one
 *   statement (`UPDATE … WHERE <guard>`, Mongo `updateOne` with the guard in the filter and
 *   `$inc`), returning whether it applied. There is no setStock / setBalance.
 * - Methods run inside the current unit of work when called through `UnitOfWork.run`.
 */

/** Opaque cursor pagination; the adapter encodes the cursor, callers pass it back unchanged. */
export interface PageRequest {
  readonly cursor: string | null;
  readonly limit: number;
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
}

export type UserPatch = Partial<Pick<User, "name" | "phone" | "passwordHash" | "role" | "disabled" | "totp">> & {
  readonly permissions?: readonly AdminPermission[];
  readonly addresses?: readonly Address[];
  readonly updatedAt: Date;
};

export interface UserRepository {
  /** Throws `DuplicateKeyError("users.email")`. */
  create(user: User): Promise<void>;
  findById(id: string): Promise<User | null>;
  /**
   * The user, only while their sign-in `sessionFamilyId` is live (a token of that refresh family
   * not revoked): what every authenticated request reads, so logout, reuse detection and password
   * changes end the sign-in's access tokens at once. One read, not two round trips where the engine allows.
   */
  findSignedIn(id: string, sessionFamilyId: string): Promise<User | null>;
  /** `email` is already normalized. */
  findByEmail(email: string): Promise<User | null>;
  update(id: string, patch: UserPatch): Promise<User | null>;
  /**
   * `update` for access changes (role, permissions, disabled), refused with "LAST_MANAGER" when it
   * would leave no account that `managesUsers`. Checking and writing are one step against
   * concurrent access changes (SQLite: one write transaction; MongoDB: the transaction also writes
   * the managers it counts on, so two admins disabling each other at once conflict and one retries),
   * so the store never ends up without one. null: no such user.
   */
  updateAccess(id: string, patch: UserPatch): Promise<User | null | "LAST_MANAGER">;
  list(query: PageRequest & { readonly search: string | null; readonly role: Role | null }): Promise<Page<User>>;
  /**
   * Guarded: records `step` as the last accepted TOTP step of a confirmed second factor only when it
   * is later than the one recorded. false: a code of this step (or a later one) was accepted
   * already — of two concurrent uses of one code exactly one gets true.
   */
  acceptTotpStep(id: string, step: number): Promise<boolean>;
  /** Guarded: removes one unused recovery code by its hash. false: not there (used already, or never issued). */
  consumeRecoveryCode(id: string, codeHash: string): Promise<boolean>;
  /**
   * Guarded: replaces the stored TOTP secret only while it is still `from` (sealing a legacy plain
   * secret, re-sealing under a new key), so it never overwrites a new enrolment. false: it changed.
   */
  replaceTotpSecret(id: string, from: string, to: string): Promise<boolean>;
}

export interface SessionRepository {
  /** Throws `DuplicateKeyError("sessions.token_hash")`. */
  create(token: RefreshToken): Promise<void>;
  findByHash(tokenHash: string): Promise<RefreshToken | null>;
  /** Guarded: marks the token rotated only if neither rotated nor revoked; false = someone else used it first (reuse). */
  markRotated(id: string, at: Date): Promise<boolean>;
  /** Revokes every live token of a family (reuse detected, logout); returns how many. */
  revokeFamily(familyId: string, at: Date): Promise<number>;
  /** Revokes every live token of a user (password change, account disabled). */
  revokeAllForUser(userId: string, at: Date): Promise<number>;
}

export interface PasswordResetRepository {
  /** Throws `DuplicateKeyError("password_resets.token_hash")`. */
  create(token: PasswordResetToken): Promise<void>;
  findByHash(tokenHash: string): Promise<PasswordResetToken | null>;
  /** Guarded: sets `usedAt` only if unused; false = already used (the token works once). */
  consume(id: string, at: Date): Promise<boolean>;
}

export interface CategoryRepository {
  /** Throws `DuplicateKeyError("categories.slug")`. */
  create(category: Category): Promise<void>;
  update(id: string, patch: Partial<Omit<Category, "id">>): Promise<Category | null>;
  /** False when it does not exist. Callers check that no product uses it first. */
  delete(id: string): Promise<boolean>;
  findById(id: string): Promise<Category | null>;
  findBySlug(slug: string): Promise<Category | null>;
  /** Every category, archived ones included, siblings in their shown order (position, name, id). */
  list(): Promise<readonly Category[]>;
  /**
   * Writes the tree's version and returns the new one. Every unit of work that changes the tree's
   * shape (create, move, reorder, archive, restore) calls it first, so two such units of work
   * write one shared record: MongoDB's snapshot isolation aborts (and retries) one of two that
   * overlap, and SQLite runs them one after the other. Without it, "A under B" and "B under A",
   * each checked on its own snapshot, could both commit and make a cycle.
   */
  touchTree(): Promise<number>;
  /** The tree's current version (0 before any tree edit). */
  treeVersion(): Promise<number>;
}


/**
 * A storefront or admin listing. `search` is full-text over name and description (FTS5 in
 * SQLite, a text index in MongoDB); prices compare against a product's cheapest active variant.
 */
export interface CatalogQuery extends PageRequest {
  readonly search: string | null;
  readonly categoryId: string | null;
  readonly minPriceMinor: number | null;
  readonly maxPriceMinor: number | null;
  readonly inStock: boolean | null;
  readonly sort: CatalogSort;
  /** Admin listings include inactive products; the shop never does. */
  readonly includeInactive: boolean;
  /** With `includeInactive`: true lists only archived (inactive) products, false only active ones; absent or null, both. */
  readonly archived?: boolean | null;
}

export type ProductPatch = Partial<Pick<Product, "slug" | "name" | "description" | "categoryId" | "active" | "taxRateBp" | "hsnCode">> & {
  readonly images?: readonly string[];
  /** Written together with `images` whenever either changes, so the two lists stay aligned. */
  readonly imageAlts?: readonly string[];
  readonly updatedAt: Date;
};

/** Variant fields an admin edits directly. Stock is absent on purpose: see `InventoryRepository`. */
export type VariantPatch = Partial<Pick<Variant, "sku" | "name" | "price" | "active">>;

export interface ProductRepository {
  /** With its variants and their initial stock. Throws `DuplicateKeyError("products.slug" | "variants.sku")`. */
  create(product: Product): Promise<void>;
  findById(id: string): Promise<Product | null>;
  findBySlug(slug: string): Promise<Product | null>;
  /** Entries for the given variant ids, keyed by variant id; unknown ids are absent. */
  findEntries(variantIds: readonly string[]): Promise<ReadonlyMap<string, CatalogEntry>>;
  search(query: CatalogQuery): Promise<Page<Product>>;
  /** `search`'s page as listing cards show it: the same products in the same order, the same cursors. */
  listing(query: CatalogQuery): Promise<Page<ListedProduct>>;
  /**
   * The catalog's vocabulary (the words of product and category names, ADR 146), kept by every write
   * that changes a product's name or category name in the same unit of work: of `words`, those that
   * begin a vocabulary word; and the vocabulary words stored under any of `keys` (see `deletionKeys`).
   */
  lookupVocabulary(request: { readonly words: readonly string[]; readonly keys: readonly string[] }): Promise<VocabularyLookup>;
  /** Never touches variants or stock. */
  update(id: string, patch: ProductPatch): Promise<Product | null>;
  /** Throws `DuplicateKeyError("variants.sku")`. */
  addVariant(variant: Variant): Promise<void>;
  /** Throws `DuplicateKeyError("variants.sku")`. */
  updateVariant(variantId: string, patch: VariantPatch): Promise<Variant | null>;
  /** Active variants whose available stock is at or below `threshold`, lowest first. */
  lowStock(threshold: number, limit: number): Promise<readonly CatalogEntry[]>;
}

/**
 * The only way stock changes. Each method is one guarded statement and returns whether it
 * applied, so concurrent checkouts cannot oversell (the rules are in `inventory/stock.ts`).
 */
export interface InventoryRepository {
  /** reserved += qty WHERE onHand − reserved ≥ qty. */
  reserveIfAvailable(variantId: string, quantity: number): Promise<boolean>;
  /** reserved −= qty WHERE reserved ≥ qty. */
  releaseIfReserved(variantId: string, quantity: number): Promise<boolean>;
  /** onHand −= qty, reserved −= qty WHERE reserved ≥ qty. */
  commitIfReserved(variantId: string, quantity: number): Promise<boolean>;
  /** onHand += qty. */
  restock(variantId: string, quantity: number): Promise<void>;
  /** onHand += delta WHERE onHand + delta ≥ reserved (an admin's counted correction). */
  adjustIfAboveReserved(variantId: string, delta: number): Promise<boolean>;
  level(variantId: string): Promise<StockLevel | null>;
}

export interface CartRepository {
  findByUser(userId: string): Promise<Cart | null>;
  findByGuest(guestId: string): Promise<Cart | null>;
  /**
   * Replaces the cart with this id (carts belong to one shopper; last write wins). An owner has
   * at most one cart: saving a second cart (another id) for the same user or guest is refused with
   * `DuplicateKeyError("carts.owner")`, so two first adds racing cannot split a shopper's cart.
   */
  save(cart: Cart): Promise<void>;
  delete(cartId: string): Promise<void>;
}

/** Per member of the `Coupon` union, its `kind` and the fields that belong to that kind. */
type DiscountOf<C> = C extends unknown ? Omit<C, Exclude<keyof Coupon, "kind">> : never;

/** What a coupon takes off: a percentage with its optional cap, or a fixed amount. */
export type CouponDiscount = DiscountOf<Coupon>;

/**
 * Rules change field by field. The discount is replaced whole, kind included, so a patch can
 * turn a percentage coupon into a fixed one but never leave it with the other kind's fields.
 */
export type CouponPatch = Partial<Omit<Coupon, "code" | "usedCount" | "kind" | "version">> & { readonly discount?: CouponDiscount };

export interface CouponRepository {
  /** Throws `DuplicateKeyError("coupons.code")`. */
  create(coupon: Coupon): Promise<void>;
  /**
   * Applies the patch and bumps `version`. With `expectedVersion`, a compare-and-set: writes only
   * while the stored version is still that one. A patch setting a total limit writes only while
   * the redemptions so far are within it (a redemption may land between the caller's read and
   * this write). Null = no such coupon, or a guard failed.
   */
  update(code: string, patch: CouponPatch, expectedVersion?: number): Promise<Coupon | null>;
  findByCode(code: string): Promise<Coupon | null>;
  list(page: PageRequest): Promise<Page<Coupon>>;
  /** How often one holder key (`couponHolders`: an account id, `email:…`, `phone:…`) redeemed the coupon. */
  customerUses(code: string, holder: string): Promise<number>;
  /**
   * Guarded: counts one redemption only while usedCount < usageLimit and each of `holders` (one
   * customer's `couponHolders`) has uses < perCustomerLimit (null limits always pass); the one
   * redemption then counts for every holder. False = a limit was reached meanwhile.
   */
  redeemIfAvailable(code: string, holders: readonly string[]): Promise<boolean>;
  /** Undoes one redemption of `holders` (an unpaid order was cancelled or expired); never below zero. */
  releaseRedemption(code: string, holders: readonly string[]): Promise<void>;
}

export interface OrderListQuery extends PageRequest {
  readonly status: OrderStatus | null;
  /** Any of these statuses (a saved view); combined with `status` like every other filter. */
  readonly statuses: readonly OrderStatus[] | null;
  readonly paymentStatus: PaymentStatus | null;
  readonly paymentMethod: PaymentMethod | null;
  /** The customer's user id. */
  readonly userId: string | null;
  /** Inclusive lower and exclusive upper bound on `placedAt`. */
  readonly placedFrom: Date | null;
  readonly placedTo: Date | null;
  /** Order number (`BB-10423`, or just `10423`), order id prefix, customer email, or phone (the order's or the customer's, ending with the digits given). */
  readonly search: string | null;
}

/** One product's sales over a period: units sold and what its lines came to after discounts. */
export interface ProductSales {
  readonly productId: string;
  /** The product's current catalog name. */
  readonly name: string;
  readonly quantity: number;
  readonly revenue: Money;
}

export interface OrderRepository {
  /** Throws `DuplicateKeyError("orders.id")`. */
  create(order: Order): Promise<void>;
  findById(id: string): Promise<Order | null>;
  /**
   * Compare-and-set: writes `order` only if the stored version is still `expectedVersion`
   * (the version that was loaded). False = someone else decided first; reload and retry.
   */
  save(order: Order, expectedVersion: number): Promise<boolean>;
  findByPaymentIntent(intentId: string): Promise<Order | null>;
  /** The order with this number (`BB-10423`, as stored: upper case), or null. */
  findByNumber(number: string): Promise<Order | null>;
  /**
   * The next value (1, 2, …) of the store's order-number sequence: a counter incremented inside
   * the caller's unit of work, so a placement that rolls back gives its number back and two
   * concurrent placements never get the same one. `create` refuses a second order with the same
   * number (`DuplicateKeyError("orders.number")`).
   */
  nextNumber(): Promise<number>;
  listForUser(userId: string, page: PageRequest): Promise<Page<Order>>;
  /** Guest orders with this (normalised) email that no account has claimed yet, oldest first. */
  findUnclaimedGuestOrders(email: string): Promise<readonly Order[]>;
  list(query: OrderListQuery): Promise<Page<Order>>;
  /** `pending_payment` orders whose `expiresAt` ≤ now, oldest first. */
  findExpired(now: Date, limit: number): Promise<readonly Order[]>;
  /** `pending_payment` card orders with a payment intent placed before `placedBefore`: reconciliation asks the provider. */
  findAwaitingPayment(placedBefore: Date, limit: number): Promise<readonly Order[]>;
  /**
   * Orders holding a card refund still `pending` since before `requestedBefore` (the provider was
   * never reached, or did not answer), oldest orders first: reconciliation asks the provider again.
   */
  findWithPendingRefunds(requestedBefore: Date, limit: number): Promise<readonly Order[]>;
  countByStatus(): Promise<Readonly<Record<OrderStatus, number>>>;
  /**
   * The owner's figures of orders placed in [`from`, `to`), by day in `timeZone` and currency:
   * paid orders only (captured > 0: card, wallet, or cash collected at delivery), their captured
   * and refunded amounts. Unpaid orders (awaiting payment, cancelled before it) are left out.
   */
  salesFigures(query: { readonly from: Date; readonly to: Date; readonly timeZone: string }): Promise<readonly DailyFigures[]>;
  /**
   * Per coupon of `codes` and currency, its paid orders (captured > 0, as `salesFigures` counts
   * them) with what they captured and refunded; coupons without paid orders have no row.
   */
  couponSales(codes: readonly string[]): Promise<readonly CouponSales[]>;
  /**
   * The orders of each of `userIds` (one page of the customers list), through the orders' user
   * index: how many they placed, when the last, and what their paid orders came to. Customers
   * without orders have no row.
   */
  customerOrders(userIds: readonly string[]): Promise<readonly CustomerOrders[]>;
  /**
   * The `limit` best-selling products in orders placed in [`from`, `to`), not cancelled, in
   * `currency`: most units first, then most revenue, then product id.
   */
  topProducts(query: { readonly from: Date; readonly to: Date; readonly currency: CurrencyCode; readonly limit: number }): Promise<readonly ProductSales[]>;
}

export interface IdempotencyRepository {
  find(userId: string, scope: IdempotencyScope, key: string): Promise<IdempotencyRecord | null>;
  /** Throws `DuplicateKeyError("idempotency_keys.user_scope_key")` when (userId, scope, key) exists. */
  claim(record: IdempotencyRecord): Promise<void>;
  /**
   * Records of `scope` still open since before `openBefore`, oldest first: card top-ups whose
   * payment no webhook has confirmed yet, for reconciliation to ask the provider about. Indexed on
   * the open records only, so the closed majority costs nothing.
   */
  findOpen(scope: IdempotencyScope, openBefore: Date, limit: number): Promise<readonly IdempotencyRecord[]>;
  /** Guarded: open → closed (`openSince` null). False when it was closed already (or is unknown). */
  close(userId: string, scope: IdempotencyScope, key: string): Promise<boolean>;
}

/**
 * Append-only transfers plus a cached balance per account. Use `postTransfers` (wallet/post.ts)
 * rather than calling these one by one: it applies the replay and overdraft rules in order.
 */
export interface LedgerRepository {
  findTransfer(id: string): Promise<Transfer | null>;
  /** Throws `DuplicateKeyError("ledger_transfers.id")`. Transfers are never updated or deleted. */
  append(transfer: Transfer): Promise<void>;
  /**
   * Guarded: balance −= amount WHERE floor IS NULL OR balance − amount ≥ floor. A missing
   * balance row counts as zero. False = it would go below the floor.
   */
  debitIfSufficient(account: AccountId, amount: Money, floor: number | null): Promise<boolean>;
  /** balance += amount (upsert). */
  credit(account: AccountId, amount: Money): Promise<void>;
  /** The cached balance (zero when the account never moved). */
  balance(account: AccountId, currency: CurrencyCode): Promise<Money>;
  /** Σ credits − Σ debits from the transfers themselves: reconciliation compares it with `balance`. */
  derivedBalance(account: AccountId, currency: CurrencyCode): Promise<Money>;
  /** Newest first. */
  statement(account: AccountId, page: PageRequest): Promise<Page<Transfer>>;
  byReference(reference: string): Promise<readonly Transfer[]>;
}


export interface WebhookEvent {
  /** The provider's event id: unique, so intake is exactly once. */
  readonly id: string;
  readonly provider: string;
  readonly type: string;
  /** The raw verified body, so processing can be retried from the record alone. */
  readonly payload: string;
  readonly receivedAt: Date;
  readonly status: WebhookStatus;
  readonly attempts: number;
  /** When the current (or last) processing attempt claimed the event; null until one does. */
  readonly claimedAt: Date | null;
  readonly lastError: string | null;
  /** When the last processing attempt failed; null until one does. */
  readonly lastFailedAt: Date | null;
  readonly processedAt: Date | null;
}

export interface WebhookEventRepository {
  /** Throws `DuplicateKeyError("webhook_events.id")`: the route answers 200 and does nothing more. */
  insert(event: WebhookEvent): Promise<void>;
  find(id: string): Promise<WebhookEvent | null>;
  /**
   * Guarded, one statement: received | failed | processing-claimed-before-`staleBefore` →
   * processing, claimedAt = at, attempts += 1. The stale case takes back an event whose worker
   * crashed mid-processing. False = processed, or claimed by a live worker since `staleBefore`.
   */
  claimForProcessing(id: string, at: Date, staleBefore: Date): Promise<boolean>;
  markProcessed(id: string, at: Date): Promise<void>;
  /** Keeps the error and `at` as lastFailedAt for the webhook health view. */
  markFailed(id: string, error: string, at: Date): Promise<void>;
  list(query: PageRequest & { readonly status: WebhookStatus | null }): Promise<Page<WebhookEvent>>;
}

export interface OutboxRepository {
  /** Insert-if-absent by id (no error, so a transaction is not aborted); false = already queued. */
  enqueue(message: OutboxMessage): Promise<boolean>;
  find(id: string): Promise<OutboxMessage | null>;
  markSent(id: string, at: Date): Promise<void>;
  /** attempts += 1; the error and `at` (as lastFailedAt) kept for the failed-jobs view. */
  markFailed(id: string, error: string, at: Date): Promise<void>;
  /** Guarded: failed → discarded (an admin gave up on it). False when it is not failed (delivered meanwhile, or gone). */
  markDiscarded(id: string): Promise<boolean>;
  list(query: PageRequest & { readonly status: OutboxMessage["status"] | null }): Promise<Page<OutboxMessage>>;
}

/** A value that survives a round trip through JSON, as audit snapshots must. */
export type JsonValue = string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** One admin mutation: who did what to which record, with the record before and after. */
export interface AuditEntry {
  readonly id: string;
  readonly at: Date;
  readonly actorId: string;
  /** e.g. "order.refund", "wallet.adjust", "user.disable". */
  readonly action: string;
  readonly targetType: string;
  readonly targetId: string;
  readonly reason: string | null;
  /** The HTTP request that made the change, to find its log lines. */
  readonly requestId: string | null;
  readonly before: JsonValue;
  readonly after: JsonValue;
}

export interface AuditQuery extends PageRequest {
  readonly actorId: string | null;
  readonly action: string | null;
  readonly targetType: string | null;
  readonly targetId: string | null;
  /** Inclusive lower and exclusive upper bound on `at`. */
  readonly from: Date | null;
  readonly to: Date | null;
}

export interface AuditRepository {
  /** Inside the unit of work that makes the change, so the entry exists exactly when the change does. */
  append(entry: AuditEntry): Promise<void>;
  /** Newest first. */
  list(query: AuditQuery): Promise<Page<AuditEntry>>;
}

export interface SettingsRepository {
  /** Null until an admin saved settings; callers fall back to `defaultStoreSettings`. */
  get(): Promise<StoreSettings | null>;
  /** Replaces the settings; takes the currency lock of {@link SettingsRepository.lockCurrency} as well. */
  save(settings: StoreSettings): Promise<void>;
  /**
   * Called by a unit of work that prices something in the currency it read from the settings
   * (a new product or variant). It and any unit of work that saves settings then write one common
   * record, so under snapshot isolation (MongoDB) two such units of work conflict and one re-runs on
   * the other's result: a currency change and a new price never both commit. Observable only by
   * that conflict; an engine that serialises its units of work (SQLite) has nothing to write.
   */
  lockCurrency(): Promise<void>;
}

/** A tax document as issued, with the order (and, for a credit note, the refund) it belongs to. */
export interface IssuedTaxDocument {
  readonly orderId: string;
  /** The refund a credit note books; null for an invoice or bill of supply. */
  readonly refundId: string | null;
  /** Frozen at issue: later changes to settings, products or the order never alter it. */
  readonly document: TaxDocument;
}

/**
 * Invoices, bills of supply and credit notes (decision record 150). Documents are never updated or
 * deleted; their numbers come from a guarded counter per series, never from max + 1.
 */
export interface TaxDocumentRepository {
  /**
   * The next value (1, 2, …) of `series` ("INV/25-26/"): a counter incremented inside the caller's
   * unit of work, so a confirmation that rolls back gives its number back (no gap) and two
   * concurrent ones never get the same number.
   */
  nextNumber(series: string): Promise<number>;
  /**
   * Throws `DuplicateKeyError("tax_documents.number")` for a number issued already,
   * `("tax_documents.order_invoice")` for a second invoice or bill of supply of one order, and
   * `("tax_documents.refund")` for a second credit note of one refund.
   */
  issue(record: IssuedTaxDocument): Promise<void>;
  /** The order's documents in the order they were issued: its invoice first, then its credit notes. */
  listForOrder(orderId: string): Promise<readonly IssuedTaxDocument[]>;
  findByNumber(number: string): Promise<IssuedTaxDocument | null>;
  /**
   * One page of the documents of `kinds` issued in [`range.from`, `range.to`), by issue time then
   * number, starting after `after` (the last document of the previous page; null for the first):
   * the registers walk a year of documents this way without holding it, and without an offset that
   * grows slower with every page.
   */
  pageIssued(
    kinds: readonly TaxDocumentKind[],
    range: { readonly from: Date; readonly to: Date },
    after: { readonly issuedAt: string; readonly number: string } | null,
    limit: number,
  ): Promise<readonly TaxDocument[]>;
}

export interface Repositories {
  readonly users: UserRepository;
  readonly sessions: SessionRepository;
  readonly passwordResets: PasswordResetRepository;
  readonly categories: CategoryRepository;
  readonly products: ProductRepository;
  readonly inventory: InventoryRepository;
  readonly carts: CartRepository;
  readonly coupons: CouponRepository;
  readonly orders: OrderRepository;
  readonly idempotency: IdempotencyRepository;
  readonly ledger: LedgerRepository;
  readonly webhooks: WebhookEventRepository;
  readonly outbox: OutboxRepository;
  readonly audit: AuditRepository;
  readonly settings: SettingsRepository;
  readonly taxDocuments: TaxDocumentRepository;
}
