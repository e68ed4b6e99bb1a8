import type { RowSet } from "./types.js";

export const catalogRows: RowSet = { rows: {} };
