/** The store's own accounts. Money enters and leaves the platform only through these. */
export declare const PLATFORM_ACCOUNTS: {
    /** Owed to us by the card processor (negative when it has paid out refunds). */
    readonly cardClearing: "platform:card_clearing";
    /** Cash the courier holds for cash-on-delivery orders. */
    readonly codReceivable: "platform:cod_receivable";
    readonly sales: "platform:sales";
    readonly refunds: "platform:refunds";
    readonly adjustments: "platform:adjustments";
};
export type PlatformAccount = (typeof PLATFORM_ACCOUNTS)[keyof typeof PLATFORM_ACCOUNTS];
export type WalletAccount = `wallet:${string}`;
export type AccountId = PlatformAccount | WalletAccount;
/** The wallet account of a shopper. */
export declare function walletAccount(userId: string): WalletAccount;
/** True for a shopper wallet (as opposed to a platform account). */
export declare function isWalletAccount(account: AccountId): account is WalletAccount;
/**
 * The lowest balance an account may reach: 0 for shopper wallets (never negative), none for
 * platform accounts. Adapters pass it to their guarded debit.
 */
export declare function balanceFloor(account: AccountId): number | null;
//# sourceMappingURL=accounts.d.ts.map