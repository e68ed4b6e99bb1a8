import { PLATFORM_ACCOUNTS } from "@bbscart/core";
import { z } from "zod";
import {
  adminHistoryActor,
  orderEventOutput,
  orderHistory,
  orderNumberOutput,
  orderShape,
  orderStatusOutput,
  paymentChannelOutput,
  paymentMethodOutput,
  paymentStatusOutput,
  refundDestinationOutput,
  refundOutput,
  returnableOutput,
  returnQuoteOutput,
} from "./orders.js";
import { at, moneyOutput, nextCursor } from "./shared.js";
import { transferKindOutput } from "./wallet.js";

const adminOrderExtras = {
  availableEvents: z.array(orderEventOutput),
  refundable: moneyOutput,
  refundDestinations: z.array(refundDestinationOutput),
};

export const adminOrderPageOutput = z
  .object({
    items: z.array(
      z.object({
        ...adminOrderExtras,
        id: z.string(),
        number: orderNumberOutput,
        userId: z.string().nullable().meta({ description: "Null for a guest's order no account has claimed." }),
        customer: z
          .object({ name: z.string(), email: z.string().nullable(), phone: z.string() })
          .meta({ description: "Who placed it: the account's name, email and phone, or the delivery address's name and phone where the account has none." }),
        status: orderStatusOutput,
        placedAt: at("When the order was placed."),
        total: moneyOutput,
        itemCount: z.number().int(),
        payment: z.object({ method: paymentMethodOutput, channel: paymentChannelOutput, status: paymentStatusOutput }),
      }),
    ),
    nextCursor,
  })
  .meta({ id: "AdminOrderPage" });

export const adminBulkFulfilOutput = z
  .object({
    results: z.array(
      z.object({
        orderId: z.string(),
        ok: z.boolean(),
        status: orderStatusOutput.nullable().meta({ description: "The order's state after the action; null when it was refused." }),
        error: z.object({ reason: z.string(), message: z.string() }).nullable().meta({ description: "Why this order was refused (the others went ahead); null when it was changed." }),
      }),
    ),
  })
  .meta({ id: "AdminBulkFulfilResult" });

const ledgerAccount = z
  .union([z.enum(Object.values(PLATFORM_ACCOUNTS)), z.templateLiteral(["wallet:", z.string()])])
  .meta({ description: "A ledger account: `platform:<name>` or `wallet:<userId>`." });

export const adminOrderOutput = z
  .object({
    ...orderShape,
    history: orderHistory(adminHistoryActor),
    ...adminOrderExtras,
    returnable: returnableOutput,
    returnQuote: returnQuoteOutput.nullable().meta({ description: "While a return awaits a decision: what approving every line of it refunds." }),
    customer: z.object({ id: z.string(), email: z.string(), name: z.string() }).nullable(),
    transfers: z.array(
      z.object({
        id: z.string(),
        debit: ledgerAccount,
        credit: ledgerAccount,
        amount: moneyOutput,
        kind: transferKindOutput,
        reference: z.string(),
        memo: z.string().nullable(),
        createdAt: at("When the transfer was posted."),
      }),
    ),
  })
  .meta({ id: "AdminOrder" });

export const adminRefundOutput = z.object({ refund: refundOutput, order: adminOrderOutput }).meta({ id: "AdminRefund" });
