import type { RowSet } from "./types.js";

export const checkoutRows: RowSet = { rows: {} };
