import { describe, expect, it } from "vitest";
import type { z } from "zod";
import type * as outputs from "../src/contract/index.js";
import type { Services } from "../src/services/index.js";

/**
 * The shape compared: property modifiers dropped (they do not change what the web may do), but an
 * array's mutability kept, since the web passes some arrays on where mutable ones are expected.
 */
type Shape<T> = T extends Date
  ? Date
  : T extends unknown[]
    ? Shape<T[number]>[]
    : T extends readonly unknown[]
      ? readonly Shape<T[number]>[]
      : T extends object
        ? { -readonly [K in keyof T]: Shape<T[K]> }
        : T;
/** True only when each type is assignable to the other: no field missing, none typed differently. */
type Same<A, B> = [Shape<A>] extends [Shape<B>] ? ([Shape<B>] extends [Shape<A>] ? true : false) : false;
type Returned<F> = F extends (...args: never[]) => Promise<infer R> ? R : never;
type Out<S extends z.ZodType> = z.output<S>;
/** Over REST the refresh token is in the body; over tRPC it is a cookie, so the schema marks it optional. */
type Session = Omit<Returned<Services["auth"]["completeSignIn"]>, "refreshToken"> & { refreshToken?: string };
type SignInStep = Session | Extract<Returned<Services["auth"]["login"]>, { challenge: unknown }>;
type Enrolled = Omit<Returned<Services["auth"]["confirmTotp"]>, "refreshToken"> & { refreshToken?: string };

/*
 * An output schema drops the keys it does not name, so a schema that forgot a field would take it
 * out of the web's responses too. Each line fails to compile when a schema and the service type
 * it describes drift apart (the API's typecheck runs it); the runtime case keeps the file a test.
 */
const checks = {
  productPage: true satisfies Same<Out<typeof outputs.productPageOutput>, Returned<Services["catalog"]["list"]>>,
  product: true satisfies Same<Out<typeof outputs.productOutput>, Returned<Services["catalog"]["bySlug"]>>,
  categories: true satisfies Same<Out<typeof outputs.categoriesOutput>, Returned<Services["catalog"]["categories"]>>,
  cart: true satisfies Same<Out<typeof outputs.cartOutput>, Returned<Services["cart"]["get"]>>,
  cartAfterAdd: true satisfies Same<Out<typeof outputs.cartOutput>, Returned<Services["cart"]["add"]>>,
  placedOrder: true satisfies Same<Out<typeof outputs.placedOrderOutput>, Returned<Services["checkout"]["place"]>>,
  myOrders: true satisfies Same<Out<typeof outputs.myOrdersOutput>, Returned<Services["orders"]["list"]>>,
  order: true satisfies Same<Out<typeof outputs.orderOutput>, Returned<Services["orders"]["byId"]>>,
  cancelled: true satisfies Same<Out<typeof outputs.orderOutput>, Returned<Services["orders"]["cancel"]>>,
  payment: true satisfies Same<Out<typeof outputs.paymentSessionOutput>, Returned<Services["orders"]["payment"]>>,
  orderTaxDocuments: true satisfies Same<Out<typeof outputs.orderTaxDocumentsOutput>, Returned<Services["invoices"]["list"]>>,
  invoiceFile: true satisfies Same<Out<typeof outputs.documentFileOutput>, Returned<Services["invoices"]["invoicePdf"]>>,
  creditNoteFile: true satisfies Same<Out<typeof outputs.documentFileOutput>, Returned<Services["invoices"]["creditNotePdf"]>>,
  balance: true satisfies Same<Out<typeof outputs.walletBalanceOutput>, Returned<Services["wallet"]["balance"]>>,
  statement: true satisfies Same<Out<typeof outputs.walletStatementOutput>, Returned<Services["wallet"]["statement"]>>,
  adjustment: true satisfies Same<Out<typeof outputs.walletAdjustmentOutput>, Returned<Services["wallet"]["adjust"]>>,
  account: true satisfies Same<Out<typeof outputs.accountOutput>, ReturnType<Services["account"]["me"]>>,
  session: true satisfies Same<Out<typeof outputs.sessionOutput>, Session>,
  signIn: true satisfies Same<Out<typeof outputs.signInOutput>, SignInStep>,
  enrolled: true satisfies Same<Out<typeof outputs.enrolledOutput>, Enrolled>,
  recoveryCodes: true satisfies Same<Out<typeof outputs.recoveryCodesOutput>, Returned<Services["factors"]["regenerateRecoveryCodes"]>>,
  adminOrders: true satisfies Same<Out<typeof outputs.adminOrderPageOutput>, Returned<Services["adminOrders"]["list"]>>,
  adminBulkFulfil: true satisfies Same<Out<typeof outputs.adminBulkFulfilOutput>, Returned<Services["adminOrders"]["bulkFulfil"]>>,
  adminOrder: true satisfies Same<Out<typeof outputs.adminOrderOutput>, Returned<Services["adminOrders"]["detail"]>>,
  adminTransition: true satisfies Same<Out<typeof outputs.adminOrderOutput>, Returned<Services["adminOrders"]["transition"]>>,
  adminCoupons: true satisfies Same<Out<typeof outputs.adminCouponPageOutput>, Returned<Services["coupons"]["listCoupons"]>>,
  adminCoupon: true satisfies Same<Out<typeof outputs.adminCouponOutput>, Returned<Services["coupons"]["updateCoupon"]>>,
  returnQuote: true satisfies Same<Out<typeof outputs.returnQuoteOutput>, Returned<Services["adminOrders"]["returnQuote"]>>,
  adminRefund: true satisfies Same<Out<typeof outputs.adminRefundOutput>, Returned<Services["adminOrders"]["refund"]>>,
};

describe("the output contract", () => {
  it("each equals the type its service returns", () => {
    expect(Object.values(checks).every(Boolean)).toBe(true);
  });
});
