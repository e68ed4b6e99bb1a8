import { AppError, notFound } from "../app-error.js";

/**
 * One mapping from refusal values to answers: another shopper's order is not found, a lost
 * race is a conflict to retry, and everything the rules forbid is a failed precondition whose
 * reason names the rule.
 */
export function refusalToError(refusal: { readonly code: string; readonly reason?: unknown }): AppError {
  switch (refusal.code) {
    case "ORDER_NOT_FOUND":
      return notFound("Order");
    case "ORDER_BUSY":
      return new AppError("CONFLICT", "This order is being changed; try again", { reason: refusal.code });
    case "OUT_OF_STOCK":
      return new AppError("CONFLICT", "An item in your cart just sold out; review your cart", { reason: refusal.code });
    case "COUPON_UNAVAILABLE":
      return new AppError("CONFLICT", "This coupon has just been used up; remove it and try again", { field: "code", reason: refusal.code });
    case "EMPTY_CART":
      return new AppError("PRECONDITION_FAILED", "Your cart is empty", { reason: refusal.code });
    case "COD_UNAVAILABLE":
      return new AppError("BAD_REQUEST", "Cash on delivery is not available", { field: "paymentMethod", reason: refusal.code });
    case "INSUFFICIENT_FUNDS":
      return new AppError("PRECONDITION_FAILED", "Your wallet balance does not cover this order", { field: "paymentMethod", reason: refusal.code });
    case "INVALID_TRANSITION":
    case "NOT_ALLOWED":
      return new AppError("PRECONDITION_FAILED", "This order can no longer be changed that way", { reason: refusal.code });
    case "GUARD_FAILED":
      return new AppError("PRECONDITION_FAILED", `This is not possible now (${String(refusal.reason).replaceAll("_", " ")})`, {
        reason: String(refusal.reason),
      });
    default:
      return new AppError("PRECONDITION_FAILED", "This is not possible for this order", { reason: refusal.code });
  }
}
