import { defaultStoreSettings, imageVariantKey, isDuplicateKey, type DatabaseHandle, type FileStorage } from "@bbscart/core";
import { buildDemoCatalog, buildDemoCoupons, type DemoProduct } from "./demo-catalog.js";
import { renderProductImage } from "./product-image.js";

export interface SeedReport {
  categories: number;
  products: number;
  coupons: number;
  settings: boolean;
}

/** Creates a record unless it exists; a concurrent seeder creating it first counts as "exists". */
async function createIfAbsent(exists: () => Promise<unknown>, create: () => Promise<void>): Promise<boolean> {
  if (await exists()) return false;
  try {
    await create();
    return true;
  } catch (error) {
    if (isDuplicateKey(error)) return false;
    throw error;
  }
}

/**
 * Loads the demo store: settings, categories, products with generated images, coupons. Idempotent —
 * it adds only what is missing, so it is safe to run on every start and after a partial run. Image
 * files are written before the product's transaction (no file I/O inside a unit of work).
 */
export async function seedDemoStore(options: {
  db: DatabaseHandle;
  files: FileStorage;
  now: Date;
  onProgress?: (line: string) => void;
}): Promise<SeedReport> {
  const { db, files, now } = options;
  const progress = options.onProgress ?? (() => undefined);
  const report: SeedReport = { categories: 0, products: 0, coupons: 0, settings: false };

  report.settings = await createIfAbsent(
    () => db.repos.settings.get(),
    () => db.uow.run((repos) => repos.settings.save(defaultStoreSettings)),
  );

  const { categories, products } = buildDemoCatalog(now);
  for (const category of categories) {
    const created = await createIfAbsent(
      () => db.repos.categories.findBySlug(category.slug),
      () => db.uow.run((repos) => repos.categories.create(category)),
    );
    if (created) report.categories += 1;
  }

  const addProduct = async ({ product, categoryName, hue }: DemoProduct) => {
    const created = await createIfAbsent(
      () => db.repos.products.findBySlug(product.slug),
      async () => {
        const image = await renderProductImage({ name: product.name, category: categoryName, hue });
        for (const key of product.images) {
          await files.put(key, image.original, "image/webp");
          for (const size of image.variants) await files.put(imageVariantKey(key, size.width, size.format), size.bytes, `image/${size.format}`);
        }
        await db.uow.run((repos) => repos.products.create(product));
      },
    );
    if (created) report.products += 1;
  };
  // Two at a time: rendering images is the slow part and uses both cores; writes serialise anyway.
  for (let i = 0; i < products.length; i += 2) {
    await Promise.all(products.slice(i, i + 2).map(addProduct));
    const done = Math.min(i + 2, products.length);
    if (done % 50 === 0 || done === products.length) progress(`seed: products ${done}/${products.length}`);
  }

  for (const coupon of buildDemoCoupons(now)) {
    const created = await createIfAbsent(
      () => db.repos.coupons.findByCode(coupon.code),
      () => db.uow.run((repos) => repos.coupons.create(coupon)),
    );
    if (created) report.coupons += 1;
  }
  return report;
}
