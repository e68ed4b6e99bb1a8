import {
  formatMoney,
  type Money,
  type OrderError,
  type PlaceOrderError,
  type RefundError,
  type RefundSettlementError,
  type ReturnSelectionError,
  type WalletPaymentError,
} from "@bbscart/core";
import { AppError, notFound } from "../app-error.js";
import type { DecideRefusal } from "./decide.js";

/** A refund for returned items may not give back more than those items cost. */
export type ItemsRefusal = ReturnSelectionError | { readonly code: "REFUND_EXCEEDS_ITEMS"; readonly worth: Money };

/** Every refusal an order action can meet: placement, the state machine, payments, refunds, guarded writes. */
export type OrderRefusal = DecideRefusal<OrderError | RefundError | RefundSettlementError | ItemsRefusal | PlaceOrderError | WalletPaymentError>;

const words = (name: string) => name.replaceAll("_", " ");

/**
 * The one mapping from order refusals to answers, for shoppers and admins alike. The state machine's
 * refusals name the current status (a stale button, or someone else acted first); refusals about an
 * input name that field, so forms can show the message beside it.
 */
export function orderRefusal(error: OrderRefusal): AppError {
  switch (error.code) {
    case "ORDER_NOT_FOUND":
      return notFound("Order");
    case "ORDER_BUSY":
      return new AppError("CONFLICT", "This order is being changed by someone else; reload it and try again", { reason: error.code });
    case "EMPTY_CART":
      return new AppError("PRECONDITION_FAILED", "Your cart is empty", { reason: error.code });
    case "COD_UNAVAILABLE":
      return new AppError("BAD_REQUEST", "Cash on delivery is not available", { field: "paymentMethod", reason: error.code });
    case "CURRENCY_MISMATCH":
      return new AppError("CONFLICT", `Your cart is priced in ${error.actual} but the store now sells in ${error.expected}; review your cart`, {
        reason: error.code,
      });
    case "OUT_OF_STOCK":
      return new AppError("CONFLICT", `${error.sku} just sold out; review your cart`, { reason: error.code });
    case "COUPON_UNAVAILABLE":
      return new AppError("CONFLICT", "This coupon has just been used up; remove it and try again", { field: "code", reason: error.code });
    case "INSUFFICIENT_FUNDS":
      return new AppError("PRECONDITION_FAILED", "Your wallet balance does not cover this order", { field: "paymentMethod", reason: error.code });
    case "INVALID_TRANSITION":
      return new AppError("CONFLICT", `An order that is ${words(error.from)} cannot take the action "${words(error.event)}"`, {
        field: "event.type",
        reason: error.code,
      });
    case "NOT_ALLOWED":
      return "permission" in error
        ? new AppError("FORBIDDEN", `This needs the ${error.permission} permission`, { reason: error.code })
        : new AppError("FORBIDDEN", `An ${error.actor} may not ${words(error.event)} an order`, { reason: error.code });
    case "GUARD_FAILED":
      return new AppError("PRECONDITION_FAILED", `Cannot ${words(error.event)} this order: ${words(error.reason)}`, {
        field: "event.type",
        reason: error.reason.toUpperCase(),
      });
    case "INVALID_AMOUNT":
      return new AppError("BAD_REQUEST", "amountMinor must be a positive amount in the order's currency", { field: "amountMinor", reason: error.code });
    case "REFUND_EXCEEDS_CAPTURED":
      return new AppError("BAD_REQUEST", `amountMinor is more than can still be refunded (${formatMoney(error.refundable)})`, {
        field: "amountMinor",
        reason: error.code,
      });
    case "REFUND_DESTINATION_UNAVAILABLE":
      return new AppError("BAD_REQUEST", `A ${error.method} payment cannot be refunded to the ${error.destination}`, { field: "destination", reason: error.code });
    case "UNKNOWN_LINE":
      return new AppError("BAD_REQUEST", `items names a variant that is not in this order (${error.variantId})`, { field: "items", reason: error.code });
    case "QUANTITY_EXCEEDS_LINE":
      return new AppError("BAD_REQUEST", `items returns more of ${error.variantId} than was ordered (${error.ordered})`, { field: "items", reason: error.code });
    case "REFUND_EXCEEDS_ITEMS":
      return new AppError("BAD_REQUEST", `amountMinor is more than the returned items cost (${formatMoney(error.worth)})`, {
        field: "amountMinor",
        reason: error.code,
      });
    case "REFUND_NOT_FOUND":
      return notFound("Refund");
    case "REFUND_NOT_PENDING":
      return new AppError("CONFLICT", `This refund has already ${error.status}`, { field: "refundId", reason: error.code });
    case "OVER_CAPTURE":
    case "INVALID_TRANSFER":
    case "TRANSFER_ID_CONFLICT":
      // These follow only from ids or amounts computed wrongly: a bug, not a refusal.
      throw new Error(`unexpected refusal of an order action: ${JSON.stringify(error)}`);
  }
}
