/*
 * Alt text for product pictures (ADR 148). A product keeps `imageAlts` beside `images`, one text per
 * image at the same index ("" when the admin wrote none), so clients that know only `images` keep
 * working and a reorder that sends both lists moves each text with its picture.
 */

/** Longest alt text accepted, in characters: a sentence or two, as screen-reader guidance advises. */
export const MAX_ALT_TEXT = 250;

/** A product's pictures with their alt texts, index for index. */
export interface ProductImages {
  readonly images: readonly string[];
  readonly imageAlts: readonly string[];
}

/** An edit whose alt texts do not line up with its images, refused naming `imageAlts`. */
export interface ImageAltsMismatch {
  readonly code: "IMAGE_ALTS_MISMATCH";
  readonly field: "imageAlts";
  readonly images: number;
  readonly alts: number;
}

export type ImagesDecision = { readonly ok: true; readonly value: ProductImages } | { readonly ok: false; readonly error: ImageAltsMismatch };

/** One alt text per image (all empty when none are sent), or the mismatch. */
export function alignedImages(images: readonly string[], imageAlts: readonly string[] | undefined): ImagesDecision {
  const alts = imageAlts ?? images.map(() => "");
  if (alts.length !== images.length) return { ok: false, error: { code: "IMAGE_ALTS_MISMATCH", field: "imageAlts", images: images.length, alts: alts.length } };
  return { ok: true, value: { images, imageAlts: alts } };
}

/**
 * The pictures after an edit. Both lists sent: they must line up. Only `images` (a client that
 * predates alt text): each image that stays keeps its text, found by its key, and new ones have
 * none. Only `imageAlts`: they must line up with the images already stored.
 */
export function editImages(before: ProductImages, change: { readonly images?: readonly string[]; readonly imageAlts?: readonly string[] }): ImagesDecision {
  if (change.images === undefined) return alignedImages(before.images, change.imageAlts ?? before.imageAlts);
  if (change.imageAlts !== undefined) return alignedImages(change.images, change.imageAlts);
  const altOf = new Map(before.images.map((key, index) => [key, before.imageAlts[index] ?? ""]));
  return alignedImages(change.images, change.images.map((key) => altOf.get(key) ?? ""));
}

/**
 * The `alt` a picture is shown with: the admin's text, else the product's name, numbered when the
 * product has more than one picture ("Cotton Kurta, picture 2 of 3"), so no picture is unnamed.
 */
export function imageAltText(productName: string, imageAlts: readonly string[], index: number, count: number): string {
  const written = imageAlts[index]?.trim();
  if (written) return written;
  return count > 1 ? `${productName}, picture ${index + 1} of ${count}` : productName;
}

/** Every picture's `alt`, in order. */
export const imageAltTexts = (productName: string, product: ProductImages): string[] =>
  product.images.map((_key, index) => imageAltText(productName, product.imageAlts, index, product.images.length));
