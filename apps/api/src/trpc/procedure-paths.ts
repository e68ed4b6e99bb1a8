import type { AnyProcedure } from "@trpc/server";
import { restBehaviour } from "../rest/meta.js";
import { appRouter } from "./root.js";

interface ProcedureDef {
  type: "query" | "mutation" | "subscription";
  meta?: unknown;
}

// tRPC keeps every procedure by its dotted path ("order.place") at run time, whatever its type says.
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, AnyProcedure & { _def: ProcedureDef }>);

/** Every procedure of the app by its dotted path. */
export const procedureByPath: ReadonlyMap<string, AnyProcedure> = new Map(procedures);

/** The dotted paths of the app's procedures that `keep` keeps (all of them without it). */
export function procedurePaths(keep: (path: string, def: ProcedureDef) => boolean = () => true): ReadonlySet<string> {
  return new Set(procedures.filter(([path, procedure]) => keep(path, procedure._def)).map(([path]) => path));
}

const isCatalog = (path: string) => path.startsWith("catalog.");

/**
 * Every catalog procedure: public, side-effect free, the same answer for every caller of a role —
 * what a server-rendered first view (http/first-view-caller.ts) may call.
 */
export const catalogReads = procedurePaths(isCatalog);

/**
 * The catalog reads declared `cached` (an ETag under /api/v1): their answer depends only on the URL
 * and on what the database holds, never on who asks or when — the catalog answer cache keeps them.
 */
export const cacheableCatalogReads = procedurePaths((path, def) => isCatalog(path) && restBehaviour(def.meta).cached === true);
