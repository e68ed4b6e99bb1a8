import { TRANSFER_KINDS } from "@bbscart/core";
import { z } from "zod";
import { at, moneyOutput, nextCursor } from "./shared.js";

export const transferKindOutput = z.enum(TRANSFER_KINDS);

export const walletBalanceOutput = z.object({ balance: moneyOutput }).meta({ id: "WalletBalance" });

export const walletStatementOutput = z
  .object({
    balance: moneyOutput,
    entries: z.array(
      z.object({
        id: z.string(),
        kind: transferKindOutput,
        reference: z.string(),
        memo: z.string().nullable(),
        at: at("When the transfer was posted."),
        change: moneyOutput.meta({ description: "Positive credits the wallet, negative debits it." }),
        balanceAfter: moneyOutput,
      }),
    ),
    nextCursor,
  })
  .meta({ id: "WalletStatement" });

export const walletAdjustmentOutput = z
  .object({
    transferId: z.string(),
    balance: moneyOutput,
    replayed: z.boolean().meta({ description: "True when this idempotency key had already moved the money." }),
  })
  .meta({ id: "WalletAdjustment" });
