import type { Clock, FileStorage, IdGenerator, Repositories } from "@bbscart/core";
import { audit, type AuditWrite } from "../audit.js";
import type { CommerceDeps } from "../commerce-deps.js";

/** The commerce dependencies plus where product images live. */
export type CatalogDeps = Pick<CommerceDeps, "db" | "clock" | "ids"> & { files: FileStorage };

/** Who made an admin change and in which request, for the audit entry written with it. */
export interface AdminCall {
  adminId: string;
  requestId: string | null;
}

/** Audits an admin change inside the unit of work that makes it. */
export const auditAs =
  (clock: Clock, ids: IdGenerator) =>
  (repos: Repositories, call: AdminCall, entry: Omit<AuditWrite, "actorId" | "requestId">): Promise<void> =>
    audit(repos, clock, ids, { actorId: call.adminId, requestId: call.requestId, ...entry });

/** The admin call a procedure's context describes. */
export const adminCall = (ctx: { user: { id: string }; requestId: string }): AdminCall => ({ adminId: ctx.user.id, requestId: ctx.requestId });
