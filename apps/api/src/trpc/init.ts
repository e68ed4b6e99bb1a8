import { initTRPC } from "@trpc/server";
import type { CreateExpressContextOptions } from "@trpc/server/adapters/express";
import type { Logger } from "../logger.js";
import type { Services } from "../services/index.js";

export interface Context {
  services: Services;
  /** The request's logger: every line carries its request id. */
  log: Logger;
}

export function contextFactory(services: Services) {
  return ({ req }: CreateExpressContextOptions): Context => ({ services, log: req.log });
}

const t = initTRPC.context<Context>().create({
  // tRPC would otherwise decide from NODE_ENV and put stack traces in responses; ours go to the log.
  isDev: false,
});

export const router = t.router;
export const publicProcedure = t.procedure;
