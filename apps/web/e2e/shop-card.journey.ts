import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { noBrowser, screenshotPath, useJourney } from "./journey";
import { addToCart, choosePayment, openCheckout, orderIdOf, register } from "./shop-steps";

/** The sandbox card page, filled in as a shopper would (any future expiry, any CVC). */
async function payOnSandbox(page: Page, cardNumber: string): Promise<void> {
  await page.getByLabel("Card number").fill(cardNumber);
  await page.getByLabel("Expiry (MM/YY)").fill("12/34");
  await page.getByLabel("CVC").fill("123");
  await page.getByRole("button", { name: /^Pay / }).click();
}

describe.skipIf(noBrowser)("a card is declined, and a good card then pays for the same order", () => {
  const journey = useJourney();

  it("returns from a declined card to an order that is still payable", async () => {
    const { page } = journey;
    await register(page, "Card Shopper", `card-${Date.now()}@example.test`);
    await addToCart(page, "masala dabba", "Steel Masala Dabba", "Small");
    await openCheckout(page);
    await choosePayment(page, "Card");
    await page.getByRole("button", { name: /^Place order/ }).click();
    await page.waitForURL(/\/sandbox\/pay/);
    await page.screenshot({ path: screenshotPath("2-sandbox-page"), fullPage: true });
    await payOnSandbox(page, "4000 0000 0000 0002");
    await page.waitForURL(/\/orders\/[^/?]+\?paid=1/);
    await page.getByText("Your card was declined").waitFor();
    expect(await page.getByTestId("order-status").textContent()).toBe("Awaiting payment");
    await page.screenshot({ path: screenshotPath("2-card-declined"), fullPage: true });
  });

  it("pays the same order with a good card and waits on the return page until the webhook confirms it", async () => {
    const { page } = journey;
    const orderId = orderIdOf(page);
    await page.getByRole("button", { name: /by card$/ }).click();
    await page.waitForURL(/\/sandbox\/pay/);
    await payOnSandbox(page, "4242 4242 4242 4242");
    await page.waitForURL(new RegExp(`/orders/${orderId}\\?paid=1`));
    await page.getByText("Thank you! Your order is confirmed.").waitFor({ timeout: 20_000 });
    expect(await page.getByTestId("payment-status").textContent()).toBe("Paid");
    await page.screenshot({ path: screenshotPath("2-card-paid"), fullPage: true });
  });
});
