/** The store's own accounts. Money enters and leaves the platform only through these. */
export const PLATFORM_ACCOUNTS = {
  /** Owed to us by the card processor (negative when it has paid out refunds). */
  cardClearing: "platform:card_clearing",
  /** Cash the courier holds for cash-on-delivery orders. */
  codReceivable: "platform:cod_receivable",
  sales: "platform:sales",
  refunds: "platform:refunds",
  adjustments: "platform:adjustments",
} as const;

export type PlatformAccount = (typeof PLATFORM_ACCOUNTS)[keyof typeof PLATFORM_ACCOUNTS];
export type WalletAccount = `wallet:${string}`;
export type AccountId = PlatformAccount | WalletAccount;

/** The wallet account of a shopper. */
export function walletAccount(userId: string): WalletAccount {
  return `wallet:${userId}`;
}

/** True for a shopper wallet (as opposed to a platform account). */
export function isWalletAccount(account: AccountId): account is WalletAccount {
  return account.startsWith("wallet:");
}

/**
 * The lowest balance an account may reach: 0 for shopper wallets (never negative), none for
 * platform accounts. Adapters pass it to their guarded debit.
 */
export function balanceFloor(account: AccountId): number | null {
  return isWalletAccount(account) ? 0 : null;
}
