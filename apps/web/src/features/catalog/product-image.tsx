/**
 * A product picture served by our API. Always lazy and always sized, so the page does not jump
 * while images arrive; a missing image shows a neutral tile instead of a broken icon.
 */
export function ProductImage({ src, alt, size, eager = false, className = "" }: { src: string | null | undefined; alt: string; size: number; eager?: boolean; className?: string }) {
  if (!src) return <div aria-hidden="true" style={{ aspectRatio: "1" }} className={`rounded-xl bg-slate-100 ${className}`} />;
  return (
    <img
      src={src}
      alt={alt}
      width={size}
      height={size}
      loading={eager ? "eager" : "lazy"}
      decoding="async"
      className={`aspect-square rounded-xl bg-slate-100 object-cover ${className}`}
    />
  );
}
