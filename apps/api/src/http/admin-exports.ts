import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { adminUserListInput, orderListInput, taxRegisterInput } from "@bbscart/core/schemas";
import { Router, type Request, type Response } from "express";
import type { z } from "zod";
import type { Services } from "../services/index.js";
import { REGISTER_KINDS, type RegisterName } from "../services/invoices/index.js";
import { adminGate, failWith } from "./admin-gate.js";

/** The list's filters from a query string: single text values only, empty ones left out (the list's defaults apply). */
function filtersOf(req: Request, names: readonly string[]): Record<string, string> {
  const filters: Record<string, string> = {};
  for (const name of names) {
    const value = req.query[name];
    if (typeof value === "string" && value !== "") filters[name] = value;
  }
  return filters;
}

/** The filters parsed by the list's own schema, or null once a 400 naming the first bad field was sent. */
function parsed<S extends z.ZodType>(schema: S, req: Request, res: Response, names: readonly string[]): z.output<S> | null {
  const result = schema.safeParse(filtersOf(req, names));
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  failWith(res, 400, "BAD_REQUEST", issue.message, issue.path.join(".") || null);
  return null;
}

/**
 * Streams CSV text to the client with backpressure: a slow reader pauses the database walk, a
 * client that goes away stops it. A failure before the first chunk is an ordinary error answer;
 * after it the headers are gone, so the connection is cut and the file is visibly incomplete.
 */
async function send(res: Response, filename: string, chunks: AsyncIterable<string>) {
  res.status(200);
  res.setHeader("Content-Type", "text/csv; charset=utf-8");
  res.setHeader("Content-Disposition", `attachment; filename="${filename}"`);
  res.setHeader("Cache-Control", "no-store");
  try {
    await pipeline(Readable.from(chunks), res);
  } catch (error) {
    // The client hanging up is not our failure; anything else is, and goes to the error handler.
    if (!res.headersSent) throw error;
    if (!res.writableEnded && !res.destroyed) res.destroy(error as Error);
  }
}

const ORDER_FILTERS = ["status", "view", "paymentStatus", "paymentMethod", "userId", "placedFrom", "placedTo", "search"] as const;
const CUSTOMER_FILTERS = ["search", "role"] as const;

/**
 * `GET /api/admin/exports/orders.csv` (needs `orders.manage`) and `/customers.csv` (needs
 * `customers.view`): the console's orders and customers views as CSV, with the list's query
 * parameters as filters (ADR 122); `/invoices.csv` and `/credit-notes.csv` (needs `orders.manage`,
 * ADR 154): the GSTR-1-friendly registers for `from`–`to` (IST days, both included). Plain Express
 * rather than REST operations because the answer is a stream of text, not a JSON document; the
 * page size is `EXPORT_PAGE_SIZE`.
 */
export function adminExportRoutes(services: Services, pageSize: number): Router {
  const routes = Router();
  const day = () => new Date().toISOString().slice(0, 10);

  routes.get("/api/admin/exports/orders.csv", adminGate(services, "orders.manage", null), async (req, res) => {
    const query = parsed(orderListInput, req, res, ORDER_FILTERS);
    if (query) await send(res, `orders-${day()}.csv`, services.exports.orders(query, pageSize));
  });

  routes.get("/api/admin/exports/customers.csv", adminGate(services, "customers.view", null), async (req, res) => {
    const query = parsed(adminUserListInput, req, res, CUSTOMER_FILTERS);
    if (query) await send(res, `customers-${day()}.csv`, services.exports.customers(query, pageSize));
  });

  for (const name of Object.keys(REGISTER_KINDS) as RegisterName[]) {
    routes.get(`/api/admin/exports/${name}.csv`, adminGate(services, "orders.manage", null), async (req, res) => {
      const range = parsed(taxRegisterInput, req, res, ["from", "to"]);
      if (range) await send(res, `${name}-${range.from}-to-${range.to}.csv`, services.invoices.register(name, range, pageSize));
    });
  }
  return routes;
}
