import type { AdminPermission } from "@bbscart/core";
import type { RequestHandler, Response } from "express";
import { adminRefusal, loadCaller, readBearer } from "../auth/caller.js";
import type { Services } from "../services/index.js";

/** The plain Express admin routes' error body: the same shape as their 4xx answers elsewhere. */
export function failWith(res: Response, status: number, code: string, message: string, field: string | null) {
  res.status(status).json({ error: { code, message, field } });
}

/**
 * Lets through only admins holding `permission`, by the same Bearer token, user loading and admin
 * rule as the tRPC procedures: 401 for strangers, 403 for shoppers and admins without it.
 * `field` names what the refused request was about, for the error body.
 */
export function adminGate(services: Services, permission: AdminPermission, field: string | null): RequestHandler {
  return async (req, res, next) => {
    const caller = await loadCaller(services.db.repos.users, readBearer(services.tokens, req.headers.authorization));
    if ("refusal" in caller) return failWith(res, 401, "UNAUTHORIZED", caller.refusal, field);
    const refusal = adminRefusal(caller.user, caller.actor, permission, services.policy.adminTotpRequired);
    if (refusal) return failWith(res, 403, "FORBIDDEN", refusal.message, field);
    next();
  };
}
