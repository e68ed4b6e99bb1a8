import { type Result } from "../result.js";
/**
 * Stock of one variant. `onHand` is physically in the warehouse; `reserved` is promised to
 * placed orders not yet confirmed. Invariant: 0 ≤ reserved ≤ onHand, so available ≥ 0.
 * Adapters keep it with guarded single-statement writes (see `InventoryRepository`); these
 * functions are the rules those writes implement, and the model the tests check them against.
 */
export interface StockLevel {
    readonly onHand: number;
    readonly reserved: number;
}
/** A quantity of one variant that an effect moves. */
export interface StockItem {
    readonly variantId: string;
    readonly sku: string;
    readonly quantity: number;
}
export type StockError = {
    readonly code: "OUT_OF_STOCK";
    readonly requested: number;
    readonly available: number;
} | {
    readonly code: "NOT_RESERVED";
    readonly requested: number;
    readonly reserved: number;
} | {
    readonly code: "BELOW_RESERVED";
    readonly onHand: number;
    readonly reserved: number;
};
/** What can still be sold: on hand minus reserved. */
export declare function available(level: StockLevel): number;
/** Placement: holds `quantity` for an order, refused when fewer are available (never oversold). */
export declare function reserve(level: StockLevel, quantity: number): Result<StockLevel, StockError>;
/** Cancellation or expiry before confirmation: gives a reservation back. */
export declare function release(level: StockLevel, quantity: number): Result<StockLevel, StockError>;
/** Confirmation: the reserved units are sold, leaving both on-hand and reserved. */
export declare function commit(level: StockLevel, quantity: number): Result<StockLevel, StockError>;
/** Units come back (a cancelled confirmed order, a received return the admin restocks). */
export declare function restock(level: StockLevel, quantity: number): StockLevel;
/**
 * An admin's counted correction of on-hand stock. Refused if it would drop on-hand below
 * what is already reserved, which would oversell placed orders.
 */
export declare function adjustOnHand(level: StockLevel, delta: number): Result<StockLevel, StockError>;
/** Low stock for the admin dashboard: few left to sell, but the variant still matters. */
export declare function isLowStock(level: StockLevel, threshold: number): boolean;
/** Merges items of the same variant, so a reservation touches each variant once. */
export declare function combineItems(items: readonly StockItem[]): StockItem[];
//# sourceMappingURL=stock.d.ts.map