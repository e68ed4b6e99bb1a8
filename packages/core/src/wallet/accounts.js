/** The store's own accounts. Money enters and leaves the platform only through these. */
export const PLATFORM_ACCOUNTS = {
    /** Owed to us by the card processor (negative when it has paid out refunds). */
    cardClearing: "platform:card_clearing",
    /** Cash the courier holds for cash-on-delivery orders. */
    codReceivable: "platform:cod_receivable",
    sales: "platform:sales",
    refunds: "platform:refunds",
    adjustments: "platform:adjustments",
};
/** The wallet account of a shopper. */
export function walletAccount(userId) {
    return `wallet:${userId}`;
}
/** True for a shopper wallet (as opposed to a platform account). */
export function isWalletAccount(account) {
    return account.startsWith("wallet:");
}
/**
 * The lowest balance an account may reach: 0 for shopper wallets (never negative), none for
 * platform accounts. Adapters pass it to their guarded debit.
 */
export function balanceFloor(account) {
    return isWalletAccount(account) ? 0 : null;
}
//# sourceMappingURL=accounts.js.map