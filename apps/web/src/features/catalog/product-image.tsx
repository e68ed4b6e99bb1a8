import { fallbackImageWidth, imageSrcSet, imageVariantKey } from "@bbscart/core";

/**
 * A product picture served by our API, always sized (width, height, square), so the page does not
 * jump while images arrive; a missing image shows a neutral tile instead of a broken icon. The
 * browser picks the smallest WebP size that fills `sizes` at the screen's density (core's
 * `productImageWidths`); a browser without WebP gets the JPEG. Lazy unless `priority`: the first
 * screen's main picture (the page's largest paint) asks to be fetched first instead.
 */
export function ProductImage(props: { src: string | null | undefined; alt: string; size: number; sizes: string; priority?: boolean; className?: string }) {
  const { src, alt, size, sizes, priority = false, className = "" } = props;
  if (!src) return <div aria-hidden="true" style={{ aspectRatio: "1" }} className={`rounded-xl bg-slate-100 ${className}`} />;
  return (
    // `contents`: the picture adds no box, so the image lays out exactly as it would alone.
    <picture className="contents">
      <source type="image/webp" srcSet={imageSrcSet(src)} sizes={sizes} />
      <img
        src={imageVariantKey(src, fallbackImageWidth, "jpeg")}
        alt={alt}
        width={size}
        height={size}
        loading={priority ? "eager" : "lazy"}
        fetchPriority={priority ? "high" : "auto"}
        decoding="async"
        className={`aspect-square rounded-xl bg-slate-100 object-cover ${className}`}
      />
    </picture>
  );
}
