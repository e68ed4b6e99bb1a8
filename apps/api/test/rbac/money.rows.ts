import type { RowSet } from "./types.js";

export const moneyRows: RowSet = { rows: {} };
