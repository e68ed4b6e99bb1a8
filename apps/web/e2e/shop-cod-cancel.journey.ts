import { describe, expect, inject, it } from "vitest";
import { signInOverHttp } from "./api-client";
import { noBrowser, screenshotPath, useJourney } from "./journey";
import { addToCart, choosePayment, openCheckout, orderIdOf, register } from "./shop-steps";

const productId = "prod_fresh-dishwash-liquid";
type AdminProduct = { variants: { id: string; stock: { available: number } }[] };

describe.skipIf(noBrowser)("a cash-on-delivery order cancelled by the shopper gives its stock back", () => {
  const journey = useJourney();
  const available = async () => {
    const admin = await signInOverHttp(journey.baseUrl, inject("demoAdmin"));
    const product = await admin.query<AdminProduct>("admin.catalog.product", { productId });
    return product.variants[0]!.stock.available;
  };

  it("orders with cash on delivery (stock is reserved) and cancels it from the order page (stock is back)", async () => {
    const { page } = journey;
    const before = await available();
    await register(page, "Cod Shopper", `cod-${Date.now()}@example.test`);
    await addToCart(page, "dishwash", "Fresh Dishwash Liquid", "250 ml");
    await openCheckout(page);
    await choosePayment(page, "Cash on delivery");
    await page.getByRole("button", { name: /^Place order/ }).click();
    await page.getByText("Thank you! Your order is confirmed.").waitFor();
    expect(await available()).toBe(before - 1);
    await page.screenshot({ path: screenshotPath("3-cod-confirmed"), fullPage: true });

    await page.getByRole("button", { name: "Cancel order" }).click();
    await page.getByLabel("Why are you cancelling?").fill("Ordered by mistake");
    await page.getByRole("button", { name: "Cancel this order" }).click();
    await expect.poll(() => page.getByTestId("order-status").textContent()).toBe("Cancelled");
    expect(await page.getByRole("button", { name: "Cancel order" }).count()).toBe(0);
    expect(await page.getByTestId("order-timeline").textContent()).toContain("Cancelled");
    expect(await available()).toBe(before);
    await page.screenshot({ path: screenshotPath("3-cod-cancelled"), fullPage: true });
    expect(orderIdOf(page)).toBeTruthy();
  });
});
