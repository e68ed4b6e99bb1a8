import { PLATFORM_ACCOUNTS } from "@bbscart/core";
import { z } from "zod";
import {
  orderEventOutput,
  orderNumberOutput,
  orderShape,
  orderStatusOutput,
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
        userId: z.string(),
        status: orderStatusOutput,
        placedAt: at("When the order was placed."),
        total: moneyOutput,
        itemCount: z.number().int(),
        payment: z.object({ method: paymentMethodOutput, status: paymentStatusOutput }),
      }),
    ),
    nextCursor,
  })
  .meta({ id: "AdminOrderPage" });

const ledgerAccount = z
  .union([z.enum(Object.values(PLATFORM_ACCOUNTS)), z.templateLiteral(["wallet:", z.string()])])
  .meta({ description: "A ledger account: `platform:<name>` or `wallet:<userId>`." });

export const adminOrderOutput = z
  .object({
    ...orderShape,
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
