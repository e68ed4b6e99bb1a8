import { walletAccount, type User } from "@bbscart/core";
import type { adminWalletStatementInput, walletAdjustmentInput, walletStatementInput, walletTopUpInput } from "@bbscart/core/schemas";
import type { z } from "zod";
import { type AdminCall, type CommerceDeps, loadSettings, notFound } from "../common/index.js";
import { topUps } from "../payments/index.js";
import type { StepUp } from "../accounts/index.js";
import { adjustWallet } from "./adjust.js";
import { statementPage } from "./statement.js";

/**
 * Wallets: a shopper's own balance and statement (no user id is ever taken from the input, so
 * nobody can read another's), and the admin's view and adjustments of any wallet.
 */
export function walletService(deps: CommerceDeps & { stepUp: StepUp }) {
  const { db } = deps;
  const currency = async () => (await loadSettings(db.repos)).currency;

  return {
    /** The ledger's cached balance: a test checks it against the balance derived from the transfers. */
    async balance(user: User) {
      return { balance: await db.repos.ledger.balance(walletAccount(user.id), await currency()) };
    },

    async statement(user: User, input: z.output<typeof walletStatementInput>) {
      return statementPage(db, walletAccount(user.id), await currency(), input);
    },

    async adminStatement(input: z.output<typeof adminWalletStatementInput>) {
      const user = await db.repos.users.findById(input.userId);
      if (!user) throw notFound("User");
      return statementPage(db, walletAccount(user.id), await currency(), input);
    },

    adjust: (admin: AdminCall, input: z.output<typeof walletAdjustmentInput>) => adjustWallet(deps, admin, input),

    /** Starts a card top-up of the caller's own wallet; credited when the provider confirms the payment. */
    topUp: (user: User, input: z.output<typeof walletTopUpInput>) => topUps(deps).start(user, input),
  };
}

export type WalletService = ReturnType<typeof walletService>;
