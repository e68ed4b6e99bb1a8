import { useState, type ChangeEvent } from "react";
import { FormError } from "../forms/field";
import { button } from "../ui/styles";
import { uploadImage, type StoredImage } from "./upload-image";

const MAX_IMAGES = 10;

/**
 * The product's pictures in display order (the first is the cover): upload, preview, reorder,
 * remove. Changes are kept here until the product form is saved, which sends the keys.
 */
export function ProductImages({ images, onChange, error }: { images: StoredImage[]; onChange: (next: StoredImage[]) => void; error?: string | undefined }) {
  const [uploading, setUploading] = useState<string | null>(null);
  const [uploadError, setUploadError] = useState<string | null>(null);

  const upload = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const files = [...(input.files ?? [])].slice(0, MAX_IMAGES - images.length);
    setUploadError(null);
    const added: StoredImage[] = [];
    try {
      for (const file of files) {
        setUploading(`Uploading ${file.name}…`);
        added.push(await uploadImage(file));
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
            <img src={image.url} alt={`Image ${i + 1}`} className="aspect-square w-full rounded-md bg-slate-100 object-cover" />
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
      <FormError message={uploadError ?? error} />
    </fieldset>
  );
}
