import type { Request, Response } from "express";
import type { CookiePolicy } from "../services/common/index.js";

export const refreshCookieName = "bbs_refresh";
/** The cookie is sent only to the refresh and logout routes, never with ordinary API calls. */
export const refreshCookiePath = "/auth";

export function setRefreshCookie(res: Response, token: string, policy: CookiePolicy): void {
  res.cookie(refreshCookieName, token, {
    httpOnly: true,
    secure: policy.secure,
    sameSite: "strict",
    path: refreshCookiePath,
    maxAge: policy.maxAgeDays * 86_400_000,
  });
}

export function clearRefreshCookie(res: Response, policy: CookiePolicy): void {
  res.clearCookie(refreshCookieName, { httpOnly: true, secure: policy.secure, sameSite: "strict", path: refreshCookiePath });
}

export function readRefreshCookie(req: Request): string | null {
  const value: unknown = (req.cookies as Record<string, unknown> | undefined)?.[refreshCookieName];
  return typeof value === "string" && value.length > 0 && value.length <= 200 ? value : null;
}
