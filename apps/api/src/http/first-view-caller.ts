import type { Request, Response } from "express";
import { catalogReads } from "../trpc/procedure-paths.js";
import type { Services } from "../services/index.js";
import { callByPath } from "../trpc/call-by-path.js";
import { contextFactory } from "../trpc/init.js";
import { appRouter } from "../trpc/root.js";
import type { CallProcedure } from "./web.js";

/** What a server-rendered first view may ask for: public reads that are the same for every visitor. */
const firstViewProcedures: ReadonlySet<string> = new Set([...catalogReads, "system.info"]);

/**
 * The procedures a first view is rendered from, called in-process through the same router (input
 * and output validation included) as the anonymous visitor the HTML is for: whatever the page
 * request carries, no bearer is read, so no shopper's data can be drawn into shared HTML.
 */
export function anonymousCaller(services: Services): (req: Request, res: Response) => CallProcedure {
  const context = contextFactory(services);
  return (req, res) => {
    const caller = appRouter.createCaller({ ...context({ req, res }), bearer: null });
    return (path, input) => (firstViewProcedures.has(path) ? callByPath(caller, path, input) : Promise.reject(new Error(`${path} is not served in a first view`)));
  };
}
