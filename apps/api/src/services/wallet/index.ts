/** Wallets: a shopper's balance and statement, the admin's view and adjustments. */
export { walletService, type WalletService } from "./wallet.service.js";
