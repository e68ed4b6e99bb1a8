/**
 * How catalog reads grow with catalog size: stores of 200, 2,000 and 20,000 products (the demo
 * catalog's products, then copies of them under new ids, slugs and SKUs), written through the
 * database repositories into the bench's own DATA_DIR, each measured by a fresh API process.
 */
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { repoRoot } from "./paths.mjs";

/** Imports a package as the API resolves it (the bench itself depends on none of them). */
export async function load(pkg, sub) {
  const requireFromApi = createRequire(path.join(repoRoot, "apps/api/package.json"));
  return import(pathToFileURL(requireFromApi.resolve(sub ? `${pkg}/${sub}` : pkg)).href);
}

/** Grows the store at `dataDir` to `target` products (settings and categories on first call). */
export async function growCatalog(dataDir, target) {
  const { openDatabase } = await load("@bbscart/db");
  const { buildDemoCatalog } = await load("@bbscart/db", "seed");
  const { defaultStoreSettings } = await load("@bbscart/core");
  const db = await openDatabase({ dataDir, sqliteSynchronous: "NORMAL" });
  try {
    const now = new Date();
    const { categories, products } = buildDemoCatalog(now);
    if (!(await db.repos.settings.get())) await db.uow.run((repos) => repos.settings.save(defaultStoreSettings));
    if ((await db.repos.categories.list()).length === 0) await db.uow.run(async (repos) => { for (const c of categories) await repos.categories.create(c); });
    // The product port has no count: the bench keeps how many it wrote beside the database.
    const fs = await import("node:fs");
    const marker = path.join(dataDir, "bench-products");
    const have = fs.existsSync(marker) ? Number(fs.readFileSync(marker, "utf8")) : 0;
    await write(db, products, have, target, now);
    fs.writeFileSync(marker, String(target));
  } finally {
    await db.close();
  }
}

async function write(db, demo, from, to, now) {
  const BATCH = 500;
  for (let start = from; start < to; start += BATCH) {
    const end = Math.min(to, start + BATCH);
    await db.uow.run(async (repos) => {
      for (let i = start; i < end; i++) {
        const base = demo[i % demo.length].product;
        const copy = Math.floor(i / demo.length);
        const tag = copy === 0 ? "" : `-c${copy}`;
        const id = `${base.id}${tag}`;
        const slug = `${base.slug}${tag}`;
        await repos.products.create({
          ...base,
          id,
          slug,
          name: copy === 0 ? base.name : `${base.name} ${copy}`,
          variants: base.variants.map((v) => ({ ...v, id: `${v.id}${tag}`, productId: id, sku: `${v.sku}${tag.toUpperCase()}`, stock: { ...v.stock } })),
          createdAt: new Date(now.getTime() - i * 1000),
          updatedAt: now,
        });
      }
    });
  }
}
