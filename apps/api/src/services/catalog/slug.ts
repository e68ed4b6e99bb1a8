import { slugify } from "@bbscart/core";
import { AppError } from "../common/index.js";

/** The slug given, else one made from the name; a name without letters or digits needs one. */
export function slugFor(input: { slug?: string | undefined; name: string }): string {
  const slug = input.slug ?? slugify(input.name);
  if (!slug) throw new AppError("BAD_REQUEST", "Web address is required when the name has no letters or digits", { field: "slug" });
  return slug;
}
