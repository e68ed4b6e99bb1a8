import {
  acceptPrice,
  addItem,
  available,
  isDuplicateKey,
  isPurchasable,
  mergeCarts,
  removeItem,
  setCoupon,
  setQuantity,
  type Cart,
  type CartError,
  type CatalogEntry,
  type Repositories,
  type Result,
  type StoreSettings,
} from "@bbscart/core";
import { type CommerceDeps, loadSettings, refused } from "../common/index.js";
import { cartView, reviewStoredCart, type CartView } from "./review.js";

/** Whose cart: a signed-in shopper's (by user id) or a guest's (by the `cart_id` cookie). */
export type CartOwner = { userId: string; guestId?: never } | { guestId: string; userId?: never };

/** What a line may grow to: the stock available, or nothing for a variant no longer on sale. */
const sellableLeft = (entry: CatalogEntry | undefined): number => (entry && isPurchasable(entry) ? available(entry.variant.stock) : 0);

/** A sellable variant's entry, or not found: an archived product is as gone to a shopper as a missing one. */
function sellable(entries: ReadonlyMap<string, CatalogEntry>, variantId: string): CatalogEntry {
  const entry = entries.get(variantId);
  if (!entry || !isPurchasable(entry)) throw refused({ code: "NOT_FOR_SALE", variantId });
  return entry;
}

/**
 * The catalog as one cart change reads it: the variant it changes (if any) and the cart's lines, in one
 * read on first use, the same map every later use. A cart change writes no catalog row, so the answer's
 * re-check (after the cart is saved, in the same unit of work) sees what the change decided on; the
 * lines after the change are among those before plus the one changed.
 */
type CatalogReads = (variantId?: string) => Promise<ReadonlyMap<string, CatalogEntry>>;
function catalogReads(repos: Repositories, cart: Cart): CatalogReads {
  let read: Promise<ReadonlyMap<string, CatalogEntry>> | undefined;
  return (variantId) => (read ??= repos.products.findEntries([...new Set([...(variantId ? [variantId] : []), ...cart.lines.map((line) => line.variantId)])]));
}

/**
 * A cart write is answered once committed, not once on disk (decision 170): it moves no money, stock
 * or order, a crashed process loses none, and what a power cut could take back — the last changes
 * before the next order's flush — the shopper makes again. An order's own unit stays durable and its
 * flush puts every earlier cart write on disk with it.
 */
const CART_WRITE = { durability: "committed" } as const;

const unwrap = (result: Result<Cart, CartError>): Cart => {
  if (!result.ok) throw refused(result.error);
  return result.value;
};

/**
 * The server-side cart. Every change is load → core decides → save in one unit of work, and
 * every answer is the whole cart re-checked against the live catalog (totals and problems).
 */
export function cartService(deps: CommerceDeps) {
  const { db, clock, ids } = deps;

  /**
   * The owner's stored cart, or a new empty one in the store currency. A caller that reviews the cart
   * passes the settings it reviews with, so they are read once for both (after every order the
   * shopper's next change starts a new cart).
   */
  async function load(repos: Repositories, owner: CartOwner | null, settings?: StoreSettings): Promise<Cart> {
    const stored = owner?.userId ? await repos.carts.findByUser(owner.userId) : owner?.guestId ? await repos.carts.findByGuest(owner.guestId) : null;
    if (stored) return stored;
    const { currency } = settings ?? (await loadSettings(repos));
    return { id: ids.next(), userId: owner?.userId ?? null, guestId: owner?.guestId ?? null, currency, lines: [], couponCode: null, updatedAt: clock.now() };
  }

  /**
   * One change to the cart in one unit of work; without an owner (a guest with no cookie) nothing is
   * saved. An owner has one cart (the store refuses a second), so when two first changes race and
   * the other one's new cart won, this change is made again on that cart.
   */
  async function change(owner: CartOwner | null, decide: (cart: Cart, repos: Repositories, now: Date, catalog: CatalogReads) => Promise<Cart> | Cart): Promise<CartView> {
    const attempt = () =>
      db.uow.run(async (repos) => {
        const settings = await loadSettings(repos);
        const cart = await load(repos, owner, settings);
        const catalog = catalogReads(repos, cart);
        const next = await decide(cart, repos, clock.now(), catalog);
        if (owner && next !== cart) await repos.carts.save(next);
        return cartView(next, await reviewStoredCart(repos, next, { userId: owner?.userId ?? null, now: clock.now(), settings, entries: await catalog() }));
      }, CART_WRITE);
    try {
      return await attempt();
    } catch (error) {
      if (!isDuplicateKey(error, "carts.owner")) throw error;
      return attempt();
    }
  }

  return {
    async get(owner: CartOwner | null, deliveryOptionId?: string): Promise<CartView> {
      const settings = await loadSettings(db.repos);
      const cart = await load(db.repos, owner, settings);
      return cartView(cart, await reviewStoredCart(db.repos, cart, { userId: owner?.userId ?? null, deliveryOptionId, now: clock.now(), settings }));
    },

    add(owner: CartOwner, input: { variantId: string; quantity: number }) {
      return change(owner, async (cart, _repos, now, catalog) => {
        const { variant } = sellable(await catalog(input.variantId), input.variantId);
        return unwrap(addItem(cart, { variantId: variant.id, quantity: input.quantity, unitPrice: variant.price }, now, available(variant.stock)));
      });
    },

    updateQuantity(owner: CartOwner | null, input: { variantId: string; quantity: number }) {
      return change(owner, async (cart, _repos, now, catalog) => {
        // A line of a product taken off sale can still be lowered or removed: it has nothing left to grow into.
        const entry = (await catalog(input.variantId)).get(input.variantId);
        return unwrap(setQuantity(cart, input.variantId, input.quantity, now, sellableLeft(entry)));
      });
    },

    remove(owner: CartOwner | null, variantId: string) {
      return change(owner, (cart, _repos, now) => (cart.lines.some((l) => l.variantId === variantId) ? removeItem(cart, variantId, now) : cart));
    },

    /** The shopper saw the new price of a line and takes it. */
    acceptPrice(owner: CartOwner | null, variantId: string) {
      return change(owner, async (cart, _repos, now, catalog) => {
        if (!cart.lines.some((l) => l.variantId === variantId)) throw refused({ code: "NOT_IN_CART", variantId });
        return acceptPrice(cart, variantId, sellable(await catalog(variantId), variantId).variant.price, now);
      });
    },

    /** Refused with the coupon's reason when it does not apply to this cart now; later problems show on the cart. */
    applyCoupon(owner: CartOwner, code: string) {
      return change(owner, async (cart, repos, now, catalog) => {
        const next = setCoupon(cart, code, now);
        const { review } = await reviewStoredCart(repos, next, { userId: owner.userId ?? null, now, entries: await catalog() });
        const rejection = review.problems.find((p) => p.code === "COUPON_INVALID");
        if (rejection) throw refused(rejection);
        return next;
      });
    },

    removeCoupon(owner: CartOwner | null) {
      return change(owner, (cart, _repos, now) => (cart.couponCode === null ? cart : setCoupon(cart, null, now)));
    },

    /**
     * A guest signed in: the guest cart joins the shopper's (core `mergeCarts`, capped at the
     * stock available now) and is deleted, in one unit of work. False when there was no guest cart.
     */
    mergeGuest(userId: string, guestId: string): Promise<boolean> {
      return db.uow.run(async (repos) => {
        const guest = await repos.carts.findByGuest(guestId);
        if (!guest) return false;
        const mine = await load(repos, { userId });
        const entries = await repos.products.findEntries(guest.lines.map((line) => line.variantId));
        const stock = new Map([...entries].map(([variantId, entry]) => [variantId, sellableLeft(entry)]));
        await repos.carts.save(mergeCarts(mine, guest, { now: clock.now(), available: stock }));
        await repos.carts.delete(guest.id);
        return true;
      }, CART_WRITE);
    },
  };
}
