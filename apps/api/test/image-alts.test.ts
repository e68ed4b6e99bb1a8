import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount, type TestAccount } from "./accounts.js";
import { renderHead } from "../src/http/page-head.js";
import { createProduct, ok, suiteDir } from "./catalog-fixtures.js";
import { startApp, type RunningApp } from "./harness.js";
import { call } from "./trpc-http.js";

interface AdminImages {
  id: string;
  slug: string;
  images: { key: string; url: string; alt: string; shownAlt: string }[];
}
interface ShopProduct {
  images: string[];
  imageAlts: string[];
}

/** Alt text per product picture (ADR 148), written over tRPC, read over tRPC, REST and the shop's page head. */
describe("product image alt text over HTTP", () => {
  const data = suiteDir();
  let app: RunningApp;
  let admin: TestAccount;
  let categoryId: string;
  const keys: string[] = [];

  const adminCall = (procedure: string, input: unknown) => call(app.url, procedure, input, { token: admin.token });
  const images = async (productId: string) => (await ok<AdminImages>(app.url, "admin.catalog.product", { productId }, { token: admin.token })).images;
  const restProduct = async (slug: string) => (await (await fetch(`${app.url}/api/v1/products/${slug}`)).json()) as ShopProduct;

  beforeAll(async () => {
    app = await startApp({ dataDir: data.dir, variables: { MUTATIONS_PER_IP_PER_MINUTE: "100000" } });
    admin = await createAccount(app, { role: "admin", permissions: ["catalog.manage"] });
    categoryId = (await ok<{ id: string }>(app.url, "admin.catalog.createCategory", { name: "Kurtas" }, { token: admin.token })).id;
    for (const shade of [40, 120, 200]) {
      const form = new FormData();
      const png = await sharp({ create: { width: 32, height: 32, channels: 3, background: { r: shade, g: 80, b: 40 } } }).png().toBuffer();
      form.append("file", new Blob([new Uint8Array(png)], { type: "image/png" }), "photo.png");
      const response = await fetch(`${app.url}/api/admin/uploads`, { method: "POST", body: form, headers: { authorization: `Bearer ${admin.token}` } });
      keys.push(((await response.json()) as { key: string }).key);
    }
  });
  afterAll(async () => {
    await app.close();
    data.remove();
  });

  it("creates with alt texts, reorders them with their pictures, and shows the name where none was written", async () => {
    const [front, back] = keys as [string, string];
    const created = await ok<AdminImages>(
      app.url,
      "admin.catalog.createProduct",
      { name: "Block Kurta", categoryId, images: [front, back], imageAlts: ["  Kurta from the front ", ""], variants: [{ sku: "BK-1", priceMinor: 99900 }] },
      { token: admin.token },
    );
    expect(created.images.map(({ key, alt, shownAlt }) => ({ key, alt, shownAlt }))).toEqual([
      { key: front, alt: "Kurta from the front", shownAlt: "Kurta from the front" },
      { key: back, alt: "", shownAlt: "Block Kurta, picture 2 of 2" },
    ]);

    const reordered = await ok<AdminImages>(
      app.url,
      "admin.catalog.updateProduct",
      { productId: created.id, images: [back, front], imageAlts: ["Kurta from the back", "Kurta from the front"] },
      { token: admin.token },
    );
    expect(reordered.images.map((image) => [image.key, image.alt])).toEqual([
      [back, "Kurta from the back"],
      [front, "Kurta from the front"],
    ]);
    // The shop, over tRPC and REST alike, gets the pictures in the new order with their texts.
    const shop = await ok<ShopProduct>(app.url, "catalog.bySlug", { slug: created.slug }, {});
    expect(shop.imageAlts).toEqual(["Kurta from the back", "Kurta from the front"]);
    const rest = await restProduct(created.slug);
    expect({ images: rest.images, imageAlts: rest.imageAlts }).toEqual({ images: [`/uploads/${back}`, `/uploads/${front}`], imageAlts: shop.imageAlts });
    const listed = (await (await fetch(`${app.url}/api/v1/products?search=block`)).json()) as { items: ShopProduct[] };
    expect(listed.items[0]?.imageAlts[0]).toBe("Kurta from the back");
  });

  it("the server-rendered page head describes its preview image, escaped, and only when there is one", () => {
    const head = { title: "Kurta", description: "A kurta", canonical: "https://shop.test/p/kurta", type: "product", siteName: "BBSCART" } as const;
    const tags = renderHead({ ...head, image: "https://shop.test/uploads/a.webp", imageAlt: 'Kurta, "front" <view>' });
    expect(tags).toContain('<meta property="og:image:alt" content="Kurta, &quot;front&quot; &lt;view&gt;" />');
    expect(tags).toContain('<meta name="twitter:image:alt" content="Kurta, &quot;front&quot; &lt;view&gt;" />');
    expect(renderHead({ ...head, imageAlt: "No picture" })).not.toContain("image:alt");
  });

  it("a client that sends only images keeps each remaining picture's text; alt texts alone must fit the stored images", async () => {
    const [front, back, label] = keys as [string, string, string];
    const product = await createProduct(app.url, admin.token, { name: "Older Client Kurta", categoryId, images: [front, back], variants: [{ sku: "OC-1", priceMinor: 500 }] });
    expect((await images(product.id)).map((image) => image.alt)).toEqual(["", ""]);
    await ok(app.url, "admin.catalog.updateProduct", { productId: product.id, imageAlts: ["Front", "Back"] }, { token: admin.token });
    await ok(app.url, "admin.catalog.updateProduct", { productId: product.id, images: [label, back, front] }, { token: admin.token });
    expect((await images(product.id)).map((image) => [image.key, image.alt])).toEqual([
      [label, ""],
      [back, "Back"],
      [front, "Front"],
    ]);
    await ok(app.url, "admin.catalog.updateProduct", { productId: product.id, name: "Renamed Kurta" }, { token: admin.token });
    expect((await images(product.id)).map((image) => image.shownAlt)).toEqual(["Renamed Kurta, picture 1 of 3", "Back", "Front"]);
  });

  it("refuses alt texts that do not line up with the images, naming imageAlts, and writes nothing", async () => {
    const [front, back] = keys as [string, string];
    const product = await createProduct(app.url, admin.token, { name: "Mismatch Kurta", categoryId, images: [front], variants: [{ sku: "MM-1", priceMinor: 500 }] });
    const before = await images(product.id);

    const tooMany = await adminCall("admin.catalog.createProduct", { name: "Never Kurta", categoryId, images: [front], imageAlts: ["One", "Two"], variants: [{ sku: "NV-1", priceMinor: 1 }] });
    expect(tooMany.status).toBe(400);
    expect(tooMany.error?.data.fieldErrors).toEqual([{ path: "imageAlts", message: "Alt texts must have one text for each image" }]);
    expect((await call(app.url, "catalog.bySlug", { slug: "never-kurta" })).status).toBe(404);

    const both = await adminCall("admin.catalog.updateProduct", { productId: product.id, images: [front, back], imageAlts: ["Only one"] });
    expect(both.status).toBe(400);
    expect(both.error?.data.fieldErrors[0]?.path).toBe("imageAlts");

    // Checked against the stored images: one picture, two texts.
    const alone = await adminCall("admin.catalog.updateProduct", { productId: product.id, imageAlts: ["One", "Two"], name: "Changed Name" });
    expect(alone.status).toBe(400);
    expect(alone.error?.data.fieldErrors).toEqual([{ path: "imageAlts", message: "Alt texts must have one text for each image (1 images, 2 texts)" }]);

    const odd = await adminCall("admin.catalog.updateProduct", { productId: product.id, imageAlts: [42] });
    expect(odd.status).toBe(400);
    expect(odd.error?.data.fieldErrors[0]?.path).toMatch(/^imageAlts/);
    const long = await adminCall("admin.catalog.updateProduct", { productId: product.id, imageAlts: ["x".repeat(251)] });
    expect(long.error?.data.fieldErrors[0]).toMatchObject({ message: "Alt text must be at most 250 characters" });

    expect(await images(product.id)).toEqual(before);
    expect((await ok<{ name: string }>(app.url, "admin.catalog.product", { productId: product.id }, { token: admin.token })).name).toBe("Mismatch Kurta");
  });
});
