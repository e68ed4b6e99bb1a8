import type { Actor, Clock, IdGenerator, Repositories, User } from "@bbscart/core";
import { audit, type AuditWrite } from "./audit.js";

/** The admin acting and the request they act in: what every audited admin change is written with. */
export interface AdminCall {
  readonly user: User;
  readonly actor: Actor;
  readonly requestId: string | null;
}

/** Audits an admin change inside the unit of work that makes it. */
export const auditAs =
  (clock: Clock, ids: IdGenerator) =>
  (repos: Repositories, call: AdminCall, entry: Omit<AuditWrite, "actorId" | "requestId">): Promise<void> =>
    audit(repos, clock, ids, { actorId: call.user.id, requestId: call.requestId, ...entry });

/** The admin call a procedure's context describes. */
export const adminCall = (ctx: { user: User; actor: Actor; requestId: string }): AdminCall => ({ user: ctx.user, actor: ctx.actor, requestId: ctx.requestId });
