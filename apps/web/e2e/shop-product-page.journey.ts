import { describe, expect, inject, it } from "vitest";
import { signInOverHttp } from "./api-client";
import { noBrowser, screenshotPath, useJourney } from "./journey";

/** A product with one 250 g variant and `stock` units, created by the demo admin. */
async function scarceProduct(baseUrl: string, stock: number): Promise<{ name: string; slug: string }> {
  const admin = await signInOverHttp(baseUrl, inject("demoAdmin"));
  const suffix = Date.now().toString(36);
  const name = `Saffron Strands ${suffix}`;
  const created = await admin.mutate<{ slug: string }>("admin.catalog.createProduct", {
    name,
    categoryId: "cat_staples",
    description: "Hand-picked saffron.",
    variants: [{ sku: `SAFFRON-${suffix}`, name: "250 g", priceMinor: 49_900, stockOnHand: stock }],
  });
  return { name, slug: created.slug };
}

describe.skipIf(noBrowser)("a product page with few left: the size, the count, and a picker that stops there", () => {
  const journey = useJourney();

  it("shows the single variant's size and \"Only 3 left\", adds two with the picker, then offers only the last one", async () => {
    const { page } = journey;
    const product = await scarceProduct(journey.baseUrl, 3);
    await page.goto(`/p/${product.slug}`);
    await page.getByRole("heading", { level: 1, name: product.name }).waitFor();
    expect(await page.getByTestId("variant-name").textContent()).toBe("250 g");
    expect(await page.getByTestId("stock-state").textContent()).toBe("Only 3 left");
    const picker = page.getByLabel("Quantity");
    expect(await picker.locator("option").allTextContents()).toEqual(["1", "2", "3"]);

    await picker.selectOption("2");
    await page.getByRole("button", { name: "Add to cart" }).click();
    await page.getByText(`Added 2 × ${product.name} (250 g) to your cart.`).waitFor();
    await expect.poll(() => picker.locator("option").allTextContents()).toEqual(["1"]);
    await page.getByRole("button", { name: "Add to cart" }).click();
    await expect.poll(() => page.getByTestId("all-in-cart").textContent()).toBe("All 3 left are in your cart.");
    expect(await page.getByRole("button", { name: "Add to cart" }).isDisabled()).toBe(true);
    await page.screenshot({ path: screenshotPath("product-only-left"), fullPage: true });
  });
});
