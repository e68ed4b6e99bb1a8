import type { CallerName, Outcome } from "./types.js";

export interface RestRow {
  /** The procedure the operation calls: its row in the other rows files gives the input and the rule. */
  procedure: string;
  /** Outcomes that differ on /api/v1 from the procedure's row. */
  expect?: Partial<Record<CallerName, Outcome>>;
}

/** /api/v1 has no cookies, so no guest carts: an anonymous caller must sign in first. */
const signedInCart = { expect: { anonymous: "UNAUTHORIZED" } } as const;

/**
 * Every operation of /api/v1, by `METHOD /path` as the OpenAPI document names it. rbac.test.ts
 * fails when the document has an operation missing here (or here one it lacks).
 */
export const restRows: Record<string, RestRow> = {
  "POST /auth/register": { procedure: "auth.register" },
  "POST /auth/login": { procedure: "auth.login" },
  "POST /auth/login/complete": { procedure: "auth.completeSignIn" },
  "POST /auth/refresh": { procedure: "auth.refresh" },
  "POST /auth/logout": { procedure: "auth.logout" },
  "GET /auth/me": { procedure: "auth.me" },
  "POST /auth/me/addresses": { procedure: "auth.addAddress" },
  "PUT /auth/me/addresses/{addressId}": { procedure: "auth.updateAddress" },
  "POST /auth/me/addresses/{addressId}/default": { procedure: "auth.setDefaultAddress" },
  "DELETE /auth/me/addresses/{addressId}": { procedure: "auth.removeAddress" },
  "GET /products": { procedure: "catalog.list" },
  "GET /products/{slug}": { procedure: "catalog.bySlug" },
  "GET /categories": { procedure: "catalog.categories" },
  "GET /cart": { procedure: "cart.get", ...signedInCart },
  "POST /cart/items": { procedure: "cart.add", ...signedInCart },
  "PATCH /cart/items/{variantId}": { procedure: "cart.updateQuantity", ...signedInCart },
  "DELETE /cart/items/{variantId}": { procedure: "cart.remove", ...signedInCart },
  "POST /cart/items/{variantId}/accept-price": { procedure: "cart.acceptPrice", ...signedInCart },
  "PUT /cart/coupon": { procedure: "cart.applyCoupon", ...signedInCart },
  "DELETE /cart/coupon": { procedure: "cart.removeCoupon", ...signedInCart },
  "POST /orders": { procedure: "order.place" },
  "GET /orders": { procedure: "order.list" },
  "GET /orders/{orderId}": { procedure: "order.byId" },
  "GET /orders/{orderId}/tax-documents": { procedure: "order.taxDocuments" },
  "POST /orders/{orderId}/payment": { procedure: "order.payment" },
  "POST /orders/{orderId}/cancel": { procedure: "order.cancel" },
  "POST /orders/{orderId}/return": { procedure: "order.requestReturn" },
  "GET /wallet": { procedure: "wallet.balance" },
  "GET /wallet/statement": { procedure: "wallet.statement" },
  "GET /admin/orders": { procedure: "admin.orders.list" },
  "GET /admin/orders/{orderId}": { procedure: "admin.orders.byId" },
  "GET /admin/orders/{orderId}/tax-documents": { procedure: "admin.orders.taxDocuments" },
  "POST /admin/orders/{orderId}/events": { procedure: "admin.orders.transition" },
  "POST /admin/orders/fulfilment": { procedure: "admin.orders.bulkFulfil" },
  "POST /admin/orders/{orderId}/refunds": { procedure: "admin.orders.refund" },
  "POST /admin/wallets/{userId}/adjustments": { procedure: "admin.wallet.adjust" },
  "POST /admin/products/price-preview": { procedure: "admin.catalog.pricePreview" },
  "POST /admin/products/bulk": { procedure: "admin.catalog.bulkUpdate" },
  "GET /admin/categories": { procedure: "admin.catalog.categories" },
  "POST /admin/categories": { procedure: "admin.catalog.createCategory" },
  "PATCH /admin/categories/{categoryId}": { procedure: "admin.catalog.updateCategory" },
  "POST /admin/categories/{categoryId}/move": { procedure: "admin.catalog.moveCategory" },
  "POST /admin/categories/{categoryId}/archive": { procedure: "admin.catalog.archiveCategory" },
  "POST /admin/categories/{categoryId}/restore": { procedure: "admin.catalog.restoreCategory" },
  "GET /admin/coupons": { procedure: "admin.settings.coupons.list" },
  "PATCH /admin/coupons/{code}": { procedure: "admin.settings.coupons.update" },
};
