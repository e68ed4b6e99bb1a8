import { claimGuestOrder, contactMatches, couponHolders, normalizePhone, receiptOf, type Cart, type GuestContact, type Order, type Repositories, type User } from "@bbscart/core";
import type { guestCheckoutInput, trackOrderInput } from "@bbscart/core/schemas";
import type { z } from "zod";
import type { TrackThrottle } from "../../security/track-throttle.js";
import type { checkoutService } from "../checkout/index.js";
import { loadSettings, refused, type CommerceDeps } from "../common/index.js";
import type { ordersService } from "../orders/index.js";
import type { OrderLinks } from "./order-link.js";

export type GuestCheckoutInput = z.output<typeof guestCheckoutInput>;

export interface GuestDeps extends CommerceDeps {
  links: OrderLinks;
  throttle: TrackThrottle;
  checkout: ReturnType<typeof checkoutService>;
  orders: ReturnType<typeof ordersService>;
}

/**
 * Guest checkout and the guest's way back to the order (ADRs 141, 142): placement through the same
 * unit of work as an account's, the order page opened by a signed link or by number plus email or
 * phone (throttled, one answer for every miss), paying again for a card order, and the claim of a
 * guest's orders by a signed-in account of their email holding the order's link.
 */
export function guestsService(deps: GuestDeps) {
  const { db, clock, ids, links } = deps;

  /** The cart a REST client sends in the body, priced now: it is the request, never stored. */
  async function cartFromLines(repos: Repositories, input: GuestCheckoutInput, lines: NonNullable<GuestCheckoutInput["lines"]>): Promise<Cart> {
    const entries = await repos.products.findEntries(lines.map((line) => line.variantId));
    const settings = await loadSettings(repos);
    return {
      id: ids.next(),
      userId: null,
      guestId: null,
      currency: settings.currency,
      // A variant that is missing keeps a zero price here; the review refuses it as not for sale.
      lines: lines.map((line) => ({ ...line, unitPrice: entries.get(line.variantId)?.variant.price ?? { minor: 0, currency: settings.currency } })),
      couponCode: input.couponCode ?? null,
      updatedAt: clock.now(),
    };
  }

  /** What a guest sees of their order: status, lines and totals as the receipt rows, where it goes, and whether it can be paid again. */
  function view(order: Order) {
    return {
      id: order.id,
      number: order.number,
      status: order.status,
      placedAt: order.placedAt,
      paymentMethod: order.payment.method,
      paymentStatus: order.payment.status,
      canPay: order.payment.method === "card" && order.status === "pending_payment",
      receipt: receiptOf(order),
      address: order.address,
      tracking: order.tracking,
      /** The signed link's token: the page keeps using it to pay again without a lookup. */
      token: links.sign(order.id, clock.now()),
    };
  }

  /** The order a signed link opens; any broken, forged or expired token is one refusal. */
  async function byToken(token: string): Promise<Order> {
    const orderId = links.verify(token, clock.now());
    const order = orderId === null ? null : await db.repos.orders.findById(orderId);
    if (!order) throw refused({ code: "ORDER_LINK_INVALID" });
    return order;
  }

  /** Who may look an order up by number: the guest's contact, or for an account's order the account's email and phone. */
  async function contactOf(order: Order): Promise<GuestContact | null> {
    if (order.guest) return order.guest;
    const user = order.userId === null ? null : await db.repos.users.findById(order.userId);
    // An account without a phone (or with one from before E.164) is looked up by its email alone.
    return user ? { email: user.email, phone: (user.phone && normalizePhone(user.phone)) ?? "" } : null;
  }

  /**
   * Moves the guest orders placed with `user`'s email under the account. A concurrent change to one
   * of them (a payment confirming) loses the compare-and-set here and is read again.
   */
  async function claimAll(repos: Repositories, user: Pick<User, "id" | "email">): Promise<number> {
    let claimed = 0;
    for (const found of await repos.orders.findUnclaimedGuestOrders(user.email)) {
      for (let order: Order | null = found; order !== null; order = await repos.orders.findById(order.id)) {
        const next = claimGuestOrder(order, user);
        if (!next) break;
        if (await repos.orders.save(next, order.version)) {
          claimed += 1;
          break;
        }
      }
    }
    return claimed;
  }

  return {
    /**
     * A guest's checkout: the cookie cart on the web (`cartId`), else the body's `lines`. Idempotency
     * keys are the guest's email's, so the same key and body replay the order as an account's do.
     */
    async place(input: GuestCheckoutInput, cartId: string | null) {
      const guest = { email: input.email, phone: input.phone };
      const receipt = await deps.checkout.placeFor(
        {
          keyOwner: `guest:${input.email}`,
          userId: null,
          guest,
          couponHolders: couponHolders({ userId: null, ...guest }),
          cart: async (repos) => {
            if (input.lines) return { cart: await cartFromLines(repos, input, input.lines), stored: false };
            const cart = cartId ? await repos.carts.findByGuest(cartId) : null;
            return cart && { cart: input.couponCode ? { ...cart, couponCode: input.couponCode } : cart, stored: true };
          },
          address: () => ({ id: ids.next(), ...input.address }),
        },
        { ...input, guest: [input.email, input.phone, input.lines ?? null, input.couponCode ?? null] },
      );
      return { ...receipt, token: links.sign(receipt.orderId, clock.now()) };
    },

    /** "Track your order": throttled per client address and per number before anything is read. */
    async track(input: z.output<typeof trackOrderInput>, ip: string) {
      const verdict = await deps.throttle.reserve(input.number, ip);
      if (!verdict.allowed) throw refused({ code: "TRACKING_THROTTLED", retryAfterSeconds: verdict.retryAfterSeconds });
      const order = await db.repos.orders.findByNumber(input.number);
      const contact = order && (await contactOf(order));
      if (!order || !contact || !contactMatches(contact, input)) throw refused({ code: "TRACKING_NO_MATCH" });
      await deps.throttle.found(input.number);
      return view(order);
    },

    byToken: async (token: string) => view(await byToken(token)),
    payment: async (token: string) => deps.orders.paymentOf(await byToken(token)),
    verifyPayment: async (input: { token: string; paymentId: string; signature: string }) => deps.orders.verifyPaymentOf(await byToken(input.token), input),

    /**
     * Adds a guest's orders to the signed-in account (ADR 141): the order's signed link, which only
     * its emails and its checkout carry, proves the shopper reads that mailbox, so with an account of
     * that same email every unclaimed guest order of the email moves under it, in one unit of work.
     * Registering alone proves nothing (there is no email verification), so it claims nothing.
     * Idempotent: a claimed order is no guest's any more, so a repeat finds nothing.
     */
    async claimByLink(user: Pick<User, "id" | "email">, token: string): Promise<{ claimed: number }> {
      const order = await byToken(token);
      if (order.userId === user.id) return { claimed: 0 };
      if (!order.guest || order.guest.email !== user.email) throw refused({ code: "GUEST_ORDER_OTHER_EMAIL" });
      return { claimed: await db.uow.run((repos) => claimAll(repos, user)) };
    },
  };
}
