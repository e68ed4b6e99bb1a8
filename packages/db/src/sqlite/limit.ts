/**
 * `LIMIT` with a bound row count, for every statement that takes one. Written `LIMIT ?`, SQLite
 * (3.47 and later) reads the bound value while planning (as an estimate of the rows the query
 * gives) and marks the statement expired whenever that parameter is bound again — on every run, as
 * each run binds it — so each use compiled the statement again: a catalog page's products 69 → 52 µs
 * alone, 4 % of the server's CPU on an uncached page (decision 179). Behind a unary plus SQLite does
 * not read the bound value (it looks through `+` only at literals), so the statement is compiled
 * once and planned as for a count not known in advance; the query-plan tests pin the plans.
 */
export const LIMIT_BOUND = "LIMIT +?";
