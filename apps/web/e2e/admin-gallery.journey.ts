import { describe, expect, inject, it } from "vitest";
import { signInOverHttp } from "./api-client";
import { seriousViolations } from "./axe";
import { noBrowser, screenshotPath, useJourney } from "./journey";
import { signInAsAdmin } from "./shop-steps";

const FRONT = "Indigo kurta seen from the front, block-printed flowers";
const BACK = "Back of the kurta with its wooden buttons";

describe.skipIf(noBrowser)("an admin describes a product's pictures and reorders them; the shop shows them so", () => {
  const journey = useJourney();
  let product: { id: string; slug: string; name: string };

  it("uploads two pictures, writes alt text for each, moves the second first, and saves", async () => {
    const { page } = journey;
    const admin = await signInOverHttp(journey.baseUrl, inject("demoAdmin"));
    const suffix = Date.now().toString(36);
    const name = `Gallery Kurta ${suffix}`;
    const created = await admin.mutate<{ id: string; slug: string }>("admin.catalog.createProduct", {
      name,
      categoryId: "cat_staples",
      variants: [{ sku: `GALLERY-${suffix}`, priceMinor: 129_900, stockOnHand: 5 }],
    });
    product = { ...created, name };
    // Two real, different pictures to upload: the covers of two seeded products, as the shop serves them.
    const { items } = await admin.query<{ items: Array<{ images: string[] }> }>("catalog.list", { limit: 2, sort: "name_asc" });
    const files = await Promise.all(
      items.map(async (item, i) => {
        const response = await fetch(new URL(item.images[0]!, journey.baseUrl));
        const mimeType = response.headers.get("content-type")!;
        return { name: `picture-${i}.${mimeType.split("/")[1]}`, mimeType, buffer: Buffer.from(await response.arrayBuffer()) };
      }),
    );

    await signInAsAdmin(page, `/admin/products/${product.id}`);
    await page.getByRole("button", { name: "Save product" }).waitFor();
    const images = page.getByRole("region", { name: "Images" });
    await page.getByLabel("Upload images (JPEG, PNG or WebP)").setInputFiles(files);
    await images.getByLabel("Alt text, image 2").waitFor();
    // The label is short; what the field is for is read out with it.
    expect(await images.getByRole("textbox", { name: "Alt text, image 1" }).getAttribute("aria-describedby")).toBeTruthy();
    await images.getByText("Describe the picture for people who cannot see it").first().waitFor();
    await images.getByLabel("Alt text, image 1").fill(BACK);
    await images.getByLabel("Alt text, image 2").fill(FRONT);
    const uploadedKeys = await images.getByRole("img").evaluateAll((imgs) => imgs.map((img) => img.getAttribute("src")));

    await images.getByRole("button", { name: "Move image 2 earlier" }).click();
    // Each text moved with its picture.
    expect(await images.getByLabel("Alt text, image 1").inputValue()).toBe(FRONT);
    expect(await images.getByLabel("Alt text, image 2").inputValue()).toBe(BACK);
    expect(await images.getByRole("img").evaluateAll((imgs) => imgs.map((img) => img.getAttribute("src")))).toEqual([uploadedKeys[1], uploadedKeys[0]]);
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole("button", { name: "Save product" }).click();
    await page.getByText("Product saved.").waitFor();
    await page.screenshot({ path: screenshotPath("admin-gallery-alt-text"), fullPage: true });
    const saved = await admin.query<{ images: Array<{ alt: string }> }>("admin.catalog.product", { productId: product.id });
    expect(saved.images.map((image) => image.alt)).toEqual([FRONT, BACK]);
  });

  it("the products list shows the cover with its alt text", async () => {
    const { page } = journey;
    await page.goto(`/admin/products?q=${encodeURIComponent(product.name)}`);
    await page.getByRole("table", { name: "Products" }).getByRole("img", { name: FRONT }).waitFor();
  });

  it("the shop's product page shows the gallery in the new order with those alts", async () => {
    const { page } = journey;
    await page.goto(`/p/${product.slug}`);
    await page.getByRole("heading", { level: 1, name: product.name }).waitFor();
    await page.getByRole("img", { name: FRONT }).waitFor();
    const thumbnails = page.getByRole("list", { name: "Pictures" }).getByRole("button");
    expect(await thumbnails.evaluateAll((buttons) => buttons.map((b) => b.getAttribute("aria-label")))).toEqual([
      `Show picture 1 of 2: ${FRONT}`,
      `Show picture 2 of 2: ${BACK}`,
    ]);
    await thumbnails.nth(1).click();
    await page.getByRole("img", { name: BACK }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath("shop-gallery-alt-text"), fullPage: true });

    // The server-rendered first view and its preview tags say the same, before any JavaScript runs.
    const html = await (await fetch(new URL(`/p/${product.slug}`, journey.baseUrl))).text();
    expect(html).toContain(`alt="${FRONT}"`);
    expect(html).toContain(`<meta property="og:image:alt" content="${FRONT}" />`);
  });
});
