import { randomBytes } from "node:crypto";
import type { Request, Response } from "express";

export const cartCookieName = "cart_id";
const maxAgeMs = 30 * 86_400_000;
/** 128 random bits as hex: unguessable, so a guest cart cannot be reached by anyone else. */
const wellFormed = /^[0-9a-f]{32}$/;

/** A new guest cart key. */
export function newCartId(): string {
  return randomBytes(16).toString("hex");
}

/**
 * The guest cart key sent by the browser, or null. Parsed from the header here because `/trpc`
 * has no cookie middleware (only `/auth` needs cookies otherwise); a malformed value is ignored.
 */
export function readCartCookie(req: Request): string | null {
  for (const part of (req.headers.cookie ?? "").split(";")) {
    const separator = part.indexOf("=");
    if (separator > 0 && part.slice(0, separator).trim() === cartCookieName) {
      const value = part.slice(separator + 1).trim();
      return wellFormed.test(value) ? value : null;
    }
  }
  return null;
}

/** Sent with every request to the shop (`Path=/`), never readable by scripts, kept for 30 days. */
export function setCartCookie(res: Response, cartId: string, secure: boolean): void {
  res.cookie(cartCookieName, cartId, { httpOnly: true, secure, sameSite: "lax", path: "/", maxAge: maxAgeMs });
}

export function clearCartCookie(res: Response, secure: boolean): void {
  res.clearCookie(cartCookieName, { httpOnly: true, secure, sameSite: "lax", path: "/" });
}
