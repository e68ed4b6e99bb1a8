import { describe, expect, it } from "vitest";
import { noBrowser, screenshotPath, useJourney } from "./journey";
import { addToCart, choosePayment, openCheckout, register } from "./shop-steps";

describe.skipIf(noBrowser)("the same checkout on a 360×740 phone", () => {
  const journey = useJourney({ viewport: { width: 360, height: 740 } });

  const fitsTheScreen = () => journey.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

  it("browses, checks out with cash on delivery and sees the confirmation without sideways scrolling", async () => {
    const { page } = journey;
    await page.goto("/");
    await page.getByRole("heading", { name: "New in the shop" }).waitFor();
    await page.getByRole("list", { name: "New products" }).getByRole("link").first().waitFor();
    await page.screenshot({ path: screenshotPath("5-phone-home"), fullPage: true });
    expect(await fitsTheScreen()).toBe(true);

    await register(page, "Phone Shopper", `phone-${Date.now()}@example.test`);
    await addToCart(page, "rusk", "Fresh Rusk");
    await page.goto("/cart");
    await page.getByTestId("cart-line").waitFor();
    await page.screenshot({ path: screenshotPath("5-phone-cart"), fullPage: true });
    expect(await fitsTheScreen()).toBe(true);

    await openCheckout(page);
    await choosePayment(page, "Cash on delivery");
    await page.screenshot({ path: screenshotPath("5-phone-checkout"), fullPage: true });
    expect(await fitsTheScreen()).toBe(true);
    await page.getByRole("button", { name: /^Place order/ }).click();
    await page.getByText("Thank you! Your order is confirmed.").waitFor();
    await page.screenshot({ path: screenshotPath("5-phone-order"), fullPage: true });
    expect(await fitsTheScreen()).toBe(true);
  });
});
