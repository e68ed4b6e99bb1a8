import { DuplicateKeyError, InvalidCursorError, slugify, type UniqueKey } from "@bbscart/core";
import { AppError } from "../app-error.js";

/** The input field each catalog unique index belongs to, and what a clash means to an admin. */
const clashes: Partial<Record<UniqueKey, { field: string; message: string }>> = {
  "products.slug": { field: "slug", message: "slug is already used by another product" },
  "variants.sku": { field: "sku", message: "sku is already used by another variant" },
  "categories.slug": { field: "slug", message: "slug is already used by another category" },
  "coupons.code": { field: "code", message: "code is already used by another coupon" },
};

/**
 * Runs a write (a whole unit of work, so a clash rolls everything back) and turns a unique-index
 * clash into a 409 naming the field, instead of the generic "record already exists".
 */
export async function namingClashes<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const clash = error instanceof DuplicateKeyError ? clashes[error.key] : undefined;
    if (clash) throw new AppError("CONFLICT", clash.message, { field: clash.field });
    throw error;
  }
}

/** Runs a paged read; a cursor from another listing, or a tampered one, is the caller's 400. */
export async function pageWithCursor<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof InvalidCursorError) throw new AppError("BAD_REQUEST", "cursor is not valid for this listing", { field: "cursor" });
    throw error;
  }
}

/** The slug given, else one made from the name; a name without letters or digits needs one. */
export function slugFor(input: { slug?: string | undefined; name: string }): string {
  const slug = input.slug ?? slugify(input.name);
  if (!slug) throw new AppError("BAD_REQUEST", "slug is required when the name has no letters or digits", { field: "slug" });
  return slug;
}
