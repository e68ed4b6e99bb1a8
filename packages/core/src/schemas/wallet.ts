import { z } from "zod";
import { totpCode } from "./account.js";
import { amountMinor, id, idempotencyKey, MAX_AMOUNT_MINOR, pageInput, text } from "./fields.js";

/** Top-ups between ₹10 and ₹1,00,000. */
export const walletTopUpInput = z.object({
  amountMinor: amountMinor("Amount", 1_000, 10_000_000),
  idempotencyKey,
});

/**
 * Signed: positive credits the wallet, negative debits it. The reason is mandatory and audited;
 * the ledger transfer's id is derived from `idempotencyKey`, so repeating the request is harmless.
 */
export const walletAdjustmentInput = z.object({
  userId: id("Customer"),
  amountMinor: amountMinor("Amount", -MAX_AMOUNT_MINOR, MAX_AMOUNT_MINOR).refine((v) => v !== 0, { error: "Amount must not be zero" }),
  reason: text("Reason", 500, 5),
  idempotencyKey,
  /** The acting admin's current code, required once they have enrolled TOTP. */
  totpCode: totpCode.optional(),
});

export const walletReversalInput = z.object({ transferId: id("Wallet entry"), reason: text("Reason", 500, 5) });

export const walletStatementInput = z.object({ ...pageInput });
export const adminWalletStatementInput = z.object({ userId: id("Customer"), ...pageInput });
