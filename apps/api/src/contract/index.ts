/*
 * The output contract: one schema per value a procedure returns, for tRPC and REST alike. Each
 * describes every field its service returns (an object schema drops unknown keys, so a field missing
 * here would vanish from the web's responses too); test/contract.test.ts holds each one equal to its
 * service's type. Enum values come from core's lists, never written out here. Only the API uses
 * these, so they live here rather than beside core's shared input schemas.
 */
export { accountOutput, enrolledOutput, recoveryCodesOutput, sessionOutput, signInOutput } from "./accounts.js";
export { adminBulkFulfilOutput, adminOrderOutput, adminOrderPageOutput, adminRefundOutput } from "./admin.js";
export { cartOutput } from "./cart.js";
export { adminCouponOutput, adminCouponPageOutput } from "./coupons.js";
export { adminCategoriesOutput, adminCategoryOutput, categoriesOutput, categoryOutput, pricePreviewOutput, productBulkOutput, productOutput, productPageOutput } from "./catalog.js";
export { documentFileOutput } from "./invoices.js";
export { guestOrderOutput, guestPlacedOrderOutput, myOrdersOutput, orderOutput, paymentSessionOutput, placedOrderOutput, returnQuoteOutput } from "./orders.js";
export { moneyOutput, okOutput } from "./shared.js";
export { orderTaxDocumentsOutput, taxDocumentOutput } from "./tax-documents.js";
export { walletAdjustmentOutput, walletBalanceOutput, walletStatementOutput } from "./wallet.js";
