import { describe, expect, it } from "vitest";
import { alignedImages, editImages, imageAltText, imageAltTexts } from "./image-alts.js";

const before = { images: ["a.webp", "b.webp", "c.webp"], imageAlts: ["Front", "", "Label"] };

describe("alt text for product pictures", () => {
  it("gives every image an empty text when none are sent, and refuses lists that do not line up", () => {
    expect(alignedImages(["a.webp", "b.webp"], undefined)).toEqual({ ok: true, value: { images: ["a.webp", "b.webp"], imageAlts: ["", ""] } });
    expect(alignedImages([], [])).toEqual({ ok: true, value: { images: [], imageAlts: [] } });
    expect(alignedImages(["a.webp"], ["One", "Two"])).toEqual({ ok: false, error: { code: "IMAGE_ALTS_MISMATCH", field: "imageAlts", images: 1, alts: 2 } });
    expect(alignedImages([], ["Stray"])).toMatchObject({ ok: false, error: { images: 0, alts: 1 } });
  });

  it("an edit without images or alts keeps both", () => {
    expect(editImages(before, {})).toEqual({ ok: true, value: before });
  });

  it("images sent alone (an older client) keep each remaining image's text, found by key; new images have none", () => {
    expect(editImages(before, { images: ["c.webp", "new.webp", "a.webp"] })).toEqual({
      ok: true,
      value: { images: ["c.webp", "new.webp", "a.webp"], imageAlts: ["Label", "", "Front"] },
    });
    expect(editImages(before, { images: [] })).toEqual({ ok: true, value: { images: [], imageAlts: [] } });
    // A stored list shorter than its images (never written so, but read defensively) gives the rest none.
    expect(editImages({ images: ["a.webp", "b.webp"], imageAlts: ["A"] }, { images: ["b.webp", "a.webp"] })).toEqual({ ok: true, value: { images: ["b.webp", "a.webp"], imageAlts: ["", "A"] } });
  });

  it("both sent: a reorder carries the texts as sent, and lists of different lengths are refused", () => {
    expect(editImages(before, { images: ["b.webp", "a.webp"], imageAlts: ["Back", "Front"] })).toEqual({
      ok: true,
      value: { images: ["b.webp", "a.webp"], imageAlts: ["Back", "Front"] },
    });
    expect(editImages(before, { images: ["b.webp"], imageAlts: [] })).toMatchObject({ ok: false, error: { field: "imageAlts", images: 1, alts: 0 } });
  });

  it("alts sent alone must line up with the stored images", () => {
    expect(editImages(before, { imageAlts: ["1", "2", "3"] })).toEqual({ ok: true, value: { images: before.images, imageAlts: ["1", "2", "3"] } });
    expect(editImages(before, { imageAlts: ["1"] })).toMatchObject({ ok: false, error: { code: "IMAGE_ALTS_MISMATCH", images: 3, alts: 1 } });
  });

  it("shows the admin's text, else the product name, numbered when there are several pictures", () => {
    expect(imageAltTexts("Cotton Kurta", before)).toEqual(["Front", "Cotton Kurta, picture 2 of 3", "Label"]);
    expect(imageAltText("Cotton Kurta", ["   "], 0, 1)).toBe("Cotton Kurta");
    // A product stored before alt text existed, read without its list, still names every picture.
    expect(imageAltText("Tea", [], 1, 2)).toBe("Tea, picture 2 of 2");
    expect(imageAltTexts("Tea", { images: [], imageAlts: [] })).toEqual([]);
  });
});
