import type { Address, User } from "../account/user.js";
import type { Cart, CartLine } from "../cart/cart.js";
import type { Coupon } from "../cart/coupon.js";
import { type PricingLine } from "../cart/pricing.js";
import type { Category, Product, Variant } from "../catalog/catalog.js";
import { type Money } from "../money/money.js";
import type { Order, OrderStatus } from "../order/order.js";
import type { PaymentMethod } from "../payment/payment.js";
import { type StoreSettings } from "../settings/settings.js";
import type { Transfer } from "../wallet/transfer.js";
/** A fixed instant for tests; pass your own where time matters. */
export declare const T0: Date;
export declare const inr: (minor: number) => Money;
export declare const systemActor: {
    readonly kind: "system";
    readonly process: "test";
};
export declare const adminActor: {
    readonly kind: "admin";
    readonly userId: "admin-1";
    readonly permissions: readonly ["orders.manage", "refunds.issue", "wallet.adjust", "catalog.manage"];
};
export declare const shopperActor: (userId?: string) => {
    readonly kind: "shopper";
    readonly userId: string;
};
export declare function makeSettings(overrides?: Partial<StoreSettings>): StoreSettings;
export declare function makeAddress(overrides?: Partial<Address>): Address;
export declare function makeUser(overrides?: Partial<User>): User;
export declare function makeVariant(overrides?: Partial<Variant>): Variant;
export declare function makeCategory(overrides?: Partial<Category>): Category;
export declare function makeProduct(overrides?: Partial<Product>): Product;
export declare function makeCart(lines?: CartLine[], overrides?: Partial<Cart>): Cart;
export declare function makeCoupon(overrides?: Partial<Coupon>): Coupon;
export declare function makePricingLine(overrides?: Partial<PricingLine>): PricingLine;
export declare function makeTransfer(overrides?: Partial<Transfer>): Transfer;
export interface MakeOrderOptions {
    readonly status?: OrderStatus;
    readonly paymentMethod?: PaymentMethod;
    readonly lines?: PricingLine[];
    readonly coupon?: Coupon | null;
    readonly id?: string;
    readonly number?: string;
    readonly userId?: string;
    readonly settings?: StoreSettings;
}
/**
 * An order in any status, reached by running the real machine from placement (so history,
 * payment and amounts are consistent): `makeOrder({ status: "shipped", paymentMethod: "card" })`.
 * Card orders are paid by a captured intent "pi_test"; cash-on-delivery ones at delivery.
 */
export declare function makeOrder(options?: MakeOrderOptions): Order;
//# sourceMappingURL=builders.d.ts.map