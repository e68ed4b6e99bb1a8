import { describe, expect, inject, it } from "vitest";
import { creditWallet } from "./api-client";
import { noBrowser, screenshotPath, useJourney } from "./journey";
import { choosePayment, openCheckout, register } from "./shop-steps";

describe.skipIf(noBrowser)("a new shopper searches, buys two variants with wallet money and follows the order", () => {
  const journey = useJourney();
  const email = `wallet-${Date.now()}@example.test`;

  it("registers, then searches as they type, with the query in the URL", async () => {
    const { page } = journey;
    await register(page, "Wallet Shopper", email);
    await page.getByRole("link", { name: "Shop", exact: true }).click();
    await page.getByLabel("Search products").pressSequentially("earbuds", { delay: 40 });
    await page.getByRole("heading", { name: "Results for “earbuds”" }).waitFor();
    expect(new URL(page.url()).searchParams.get("q")).toBe("earbuds");
    await page.getByLabel("In stock only").check();
    await page.waitForURL(/inStock=1/);
    await page.getByTestId("result-count").getByText(/Showing \d+ product/).waitFor();
    await page.screenshot({ path: screenshotPath("1-search"), fullPage: true });
  });

  it("adds two variants of one product to the cart", async () => {
    const { page } = journey;
    await page.getByRole("list", { name: "Products" }).getByRole("link").first().click();
    const options = page.locator("fieldset label");
    await options.first().waitFor();
    for (const index of [0, 1]) {
      await options.nth(index).click();
      await page.getByRole("button", { name: "Add to cart" }).click();
      await page.getByText("to your cart.").waitFor();
    }
    await page.screenshot({ path: screenshotPath("1-product"), fullPage: true });
    await page.getByTestId("cart-link").click();
    await expect.poll(() => page.getByTestId("cart-line").count()).toBe(2);
    await page.screenshot({ path: screenshotPath("1-cart"), fullPage: true });
  });

  it("pays with the wallet after an admin credits it, and sees the order confirmed on its timeline", async () => {
    const { page } = journey;
    await creditWallet(journey.baseUrl, inject("demoAdmin"), email, 500_000);
    await openCheckout(page);
    await choosePayment(page, "BBSCART wallet");
    await page.getByTestId("checkout-wallet-balance").getByText("₹5,000.00").waitFor();
    await page.screenshot({ path: screenshotPath("1-checkout"), fullPage: true });
    await page.getByRole("button", { name: /^Place order/ }).click();
    await page.getByText("Thank you! Your order is confirmed.").waitFor();
    expect(await page.getByTestId("order-status").textContent()).toBe("Confirmed");
    expect(await page.getByTestId("payment-status").textContent()).toBe("Paid");
    const timeline = await page.getByTestId("order-timeline").textContent();
    expect(timeline).toContain("Order placed");
    expect(timeline).toContain("Confirmed");
    await page.screenshot({ path: screenshotPath("1-order-timeline"), fullPage: true });

    await page.getByRole("link", { name: "Wallet", exact: true }).click();
    await page.getByTestId("wallet-balance").waitFor();
    expect(await page.getByTestId("statement-row").count()).toBe(2);
    await page.screenshot({ path: screenshotPath("1-wallet"), fullPage: true });
  });
});
