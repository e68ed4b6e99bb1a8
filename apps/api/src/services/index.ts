import type { DatabaseHandle } from "@bbscart/core";
import { systemService } from "./system.service.js";

export interface ServiceDeps {
  db: DatabaseHandle;
  version: string;
}

/** Wires the application services once per process; routers reach them through the tRPC context. */
export function createServices(deps: ServiceDeps) {
  return {
    system: systemService({ name: "BBSCART", version: deps.version, engine: deps.db.engine }),
  };
}

export type Services = ReturnType<typeof createServices>;
