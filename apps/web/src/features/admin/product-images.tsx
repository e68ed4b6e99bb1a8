import { MAX_ALT_TEXT } from "@bbscart/core";
import { useState, type ChangeEvent } from "react";
import { Field, FormError } from "../forms/field";
import { button } from "../ui/styles";
import { uploadImage, type StoredImage } from "./upload-image";

const MAX_IMAGES = 10;

/** A picture as the editor holds it: the stored file and the alt text written for it. */
export interface GalleryImage extends StoredImage {
  alt: string;
}

/**
 * The product's pictures in display order (the first is the cover): upload, preview, describe,
 * reorder, remove. Each alt text travels with its picture, so a reorder keeps them together (ADR
 * 148). Changes are kept here until the product form is saved, which sends the keys and the texts.
 */
export function ProductImages({
  images,
  onChange,
  error,
  errors = {},
}: {
  images: GalleryImage[];
  onChange: (next: GalleryImage[]) => void;
  error?: string | undefined;
  /** Field errors by path, for `imageAlts.<i>`. */
  errors?: Partial<Record<string, string>>;
}) {
  const [uploading, setUploading] = useState<string | null>(null);
  const [uploadError, setUploadError] = useState<string | null>(null);

  const upload = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const files = [...(input.files ?? [])].slice(0, MAX_IMAGES - images.length);
    setUploadError(null);
    const added: GalleryImage[] = [];
    try {
      for (const file of files) {
        setUploading(`Uploading ${file.name}…`);
        added.push({ ...(await uploadImage(file)), alt: "" });
      }
    } catch (failure) {
      setUploadError((failure as Error).message);
    } finally {
      setUploading(null);
      input.value = "";
      if (added.length) onChange([...images, ...added]);
    }
  };

  const move = (from: number, to: number) => {
    const next = [...images];
    const [item] = next.splice(from, 1);
    next.splice(to, 0, item!);
    onChange(next);
  };

  return (
    <fieldset className="flex flex-col gap-3">
      <legend className="mb-1 text-sm text-slate-600">The first image is the shop&apos;s cover picture; the arrows reorder them.</legend>
      {images.length === 0 && <p className="text-sm text-slate-500">No images yet.</p>}
      <ul className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {images.map((image, i) => (
          <li key={image.key} className="flex flex-col gap-1 rounded-lg border border-slate-200 p-2">
            <img src={image.url} alt={image.alt || `Image ${i + 1}`} className="aspect-square w-full rounded-md bg-slate-100 object-cover" />
            <Field
              label={`Alt text, image ${i + 1}`}
              hint="Describe the picture for people who cannot see it"
              value={image.alt}
              maxLength={MAX_ALT_TEXT}
              onChange={(event) => {
                const alt = event.currentTarget.value;
                onChange(images.map((other, j) => (j === i ? { ...other, alt } : other)));
              }}
              error={errors[`imageAlts.${i}`]}
            />
            <div className="flex flex-wrap gap-1 text-xs">
              {i > 0 && (
                <button type="button" className="rounded px-1.5 py-0.5 text-slate-700 hover:bg-slate-100" onClick={() => move(i, i - 1)} aria-label={`Move image ${i + 1} earlier`}>
                  ←
                </button>
              )}
              {i < images.length - 1 && (
                <button type="button" className="rounded px-1.5 py-0.5 text-slate-700 hover:bg-slate-100" onClick={() => move(i, i + 1)} aria-label={`Move image ${i + 1} later`}>
                  →
                </button>
              )}
              <button type="button" className="ml-auto rounded px-1.5 py-0.5 text-red-700 hover:bg-red-50" onClick={() => onChange(images.filter((_, j) => j !== i))}>
                Remove<span className="sr-only"> image {i + 1}</span>
              </button>
            </div>
          </li>
        ))}
      </ul>
      {images.length < MAX_IMAGES && (
        <label className={`${button.secondary} w-fit cursor-pointer focus-within:ring-2 focus-within:ring-teal-600`}>
          Upload images (JPEG, PNG or WebP)
          <input type="file" accept="image/jpeg,image/png,image/webp" multiple className="sr-only" onChange={(e) => void upload(e)} disabled={uploading !== null} />
        </label>
      )}
      <p aria-live="polite" className="text-sm text-slate-600">
        {uploading}
      </p>
      <FormError message={uploadError ?? error ?? errors.imageAlts} />
    </fieldset>
  );
}
