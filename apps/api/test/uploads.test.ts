import { createHash } from "node:crypto";
import { imageVariantKey, storedImageSizes } from "@bbscart/core";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount, type TestAccount } from "./accounts.js";
import { createProduct, ok, suiteDir } from "./catalog-fixtures.js";
import { startApp, type RunningApp } from "./harness.js";

const MAX_BYTES = 200_000;

/** A picture with camera metadata, as a phone would send it. */
const picture = (format: "png" | "jpeg" | "webp" | "gif", width = 64, height = 48) =>
  sharp({ create: { width, height, channels: 3, background: { r: 200, g: 80, b: 40 } } })
    .withExif({ IFD0: { Artist: "Someone's phone" } })
    .toFormat(format)
    .toBuffer();

describe("admin image uploads over HTTP", () => {
  const data = suiteDir();
  let app: RunningApp;
  let admin: TestAccount;
  let adminWithout: TestAccount;
  let shopper: TestAccount;

  const upload = (bytes: Uint8Array, options: { token?: string; filename?: string; type?: string; field?: string } = {}) => {
    const form = new FormData();
    form.append(options.field ?? "file", new Blob([bytes], { type: options.type ?? "image/png" }), options.filename ?? "photo.png");
    return fetch(`${app.url}/api/admin/uploads`, {
      method: "POST",
      body: form,
      headers: options.token === undefined ? { authorization: `Bearer ${admin.token}` } : options.token ? { authorization: `Bearer ${options.token}` } : {},
    });
  };

  beforeAll(async () => {
    app = await startApp({ dataDir: data.dir, variables: { MUTATIONS_PER_IP_PER_MINUTE: "100000", UPLOAD_MAX_BYTES: String(MAX_BYTES) } });
    admin = await createAccount(app, { role: "admin", permissions: ["catalog.manage"] });
    adminWithout = await createAccount(app, { role: "admin", permissions: ["orders.manage"] });
    shopper = await createAccount(app);
  });
  afterAll(async () => {
    await app.close();
    data.remove();
  });

  it.each(["png", "jpeg", "webp"] as const)("takes a %s, re-encodes it to WebP without metadata, and serves it inertly", async (format) => {
    const original = await picture(format);
    expect((await sharp(original).metadata()).exif).toBeDefined();
    const response = await upload(original, { filename: `shot.${format}` });
    expect(response.status).toBe(201);
    const { key, url } = (await response.json()) as { key: string; url: string };
    expect(key).toMatch(/^products\/[0-9a-f]{64}\.webp$/);
    expect(url).toBe(`/uploads/${key}`);

    const served = await fetch(`${app.url}${url}`);
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/webp");
    expect(served.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(served.headers.get("x-content-type-options")).toBe("nosniff");
    expect(served.headers.get("content-security-policy")).toBe("default-src 'none'");
    const bytes = Buffer.from(await served.arrayBuffer());
    // Content-addressed: the key is the hash of exactly the bytes served, so a cached copy is never stale.
    expect(key).toBe(`products/${createHash("sha256").update(bytes).digest("hex")}.webp`);
    const stored = await sharp(bytes).metadata();
    expect(stored).toMatchObject({ format: "webp", width: 64, height: 48 });
    expect(stored.exif).toBeUndefined();
  });

  it("caps the longest edge at 1600 px", async () => {
    const response = await upload(await picture("jpeg", 3200, 1000));
    const { url } = (await response.json()) as { url: string };
    const stored = await sharp(Buffer.from(await (await fetch(`${app.url}${url}`)).arrayBuffer())).metadata();
    expect({ width: stored.width, height: stored.height }).toEqual({ width: 1600, height: 500 });
  });

  it("stores every size a page offers in srcset beside the original: WebP widths never enlarged, and a JPEG fallback, each with an ETag", async () => {
    const response = await upload(await picture("jpeg", 1200, 600));
    const { url } = (await response.json()) as { url: string };
    for (const size of storedImageSizes) {
      const served = await fetch(`${app.url}${imageVariantKey(url, size.width, size.format)}`);
      expect(served.status).toBe(200);
      expect(served.headers.get("content-type")).toBe(`image/${size.format}`);
      expect(served.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
      expect(served.headers.get("etag")).toMatch(/^"[\w-]{20,}"$/);
      const stored = await sharp(Buffer.from(await served.arrayBuffer())).metadata();
      expect(stored).toMatchObject({ format: size.format, width: Math.min(size.width, 1200), height: Math.min(size.width, 1200) / 2 });
      expect(stored.exif).toBeUndefined();
    }
  });

  it("refuses a GIF and text named .png with 415, whatever the filename and content type claim", async () => {
    for (const bytes of [await picture("gif"), new TextEncoder().encode("<svg onload=alert(1)>not a picture</svg>")]) {
      const response = await upload(bytes, { filename: "innocent.png", type: "image/png" });
      expect(response.status).toBe(415);
      expect(await response.json()).toMatchObject({ error: { code: "UNSUPPORTED_MEDIA_TYPE", field: "file", message: "Image must be a JPEG, PNG or WebP file" } });
    }
  });

  it("refuses a file over UPLOAD_MAX_BYTES with 413, and a form without a file with 400", async () => {
    const tooBig = await upload(new Uint8Array(MAX_BYTES + 1));
    expect(tooBig.status).toBe(413);
    const wrongField = await upload(await picture("png"), { field: "image" });
    expect(wrongField.status).toBe(400);
    const notMultipart = await fetch(`${app.url}/api/admin/uploads`, { method: "POST", headers: { authorization: `Bearer ${admin.token}`, "content-type": "application/json" }, body: "{}" });
    expect(notMultipart.status).toBe(400);
    expect(await notMultipart.json()).toMatchObject({ error: { field: "file" } });
  });

  it("answers 401 without a valid token and 403 without catalog.manage", async () => {
    const png = await picture("png");
    expect((await upload(png, { token: "" })).status).toBe(401);
    expect((await upload(png, { token: "not.a.jwt" })).status).toBe(401);
    expect((await upload(png, { token: shopper.token })).status).toBe(403);
    const refused = await upload(png, { token: adminWithout.token });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: { message: "This needs the catalog.manage permission" } });
  });

  it("attaches uploaded keys to a product, which shoppers then see as image URLs", async () => {
    const { key } = (await (await upload(await picture("png"))).json()) as { key: string };
    const category = await ok<{ id: string }>(app.url, "admin.catalog.createCategory", { name: "Pictures" }, { token: admin.token });
    const product = await createProduct(app.url, admin.token, { name: "Framed Print", categoryId: category.id, variants: [{ sku: "PRINT-1", priceMinor: 9900, stockOnHand: 1 }] });
    await ok(app.url, "admin.catalog.updateProduct", { productId: product.id, images: [key] }, { token: admin.token });
    const card = await ok<{ images: string[] }>(app.url, "catalog.bySlug", { slug: product.slug }, {});
    expect(card.images).toEqual([`/uploads/${key}`]);
  });
});
