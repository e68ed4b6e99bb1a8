import { formatMoney, type Money, type OrderError, type RefundError, type RefundSettlementError, type ReturnSelectionError } from "@bbscart/core";
import { AppError, notFound } from "../app-error.js";
import type { DecideRefusal } from "../orders/decide.js";

/** A refund for returned items may not give back more than those items cost. */
export type ItemsRefusal = ReturnSelectionError | { readonly code: "REFUND_EXCEEDS_ITEMS"; readonly worth: Money };

export type AdminOrderRefusal = DecideRefusal<OrderError | RefundError | RefundSettlementError | ItemsRefusal>;

const words = (name: string) => name.replaceAll("_", " ");

/**
 * What an admin is told when core or a guarded write refuses an order action. The state machine's
 * refusals name the current status (the button was stale, or another admin acted first); refund
 * refusals name the input field at fault, so the console can show the message beside it.
 */
export function orderRefusal(error: AdminOrderRefusal): AppError {
  switch (error.code) {
    case "ORDER_NOT_FOUND":
      return notFound("Order");
    case "ORDER_BUSY":
      return new AppError("CONFLICT", "This order is being changed by someone else; reload it and try again", { reason: error.code });
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
    case "OUT_OF_STOCK":
    case "COUPON_UNAVAILABLE":
    case "INVALID_TRANSFER":
    case "INSUFFICIENT_FUNDS":
    case "TRANSFER_ID_CONFLICT":
      // None of these can follow from an admin's order action; reaching one is a bug, not a refusal.
      throw new Error(`unexpected refusal of an admin order action: ${JSON.stringify(error)}`);
  }
}
