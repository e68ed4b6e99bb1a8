import { describe, expect, it } from "vitest";
import { noBrowser, screenshotPath, useJourney } from "./journey";
import { addToCart, choosePayment, openCheckout, orderIdOf, register } from "./shop-steps";

/**
 * On the installation whose sandbox imitates Razorpay: the payment page offers UPI first, a
 * timed-out collect request leaves the order payable, an approved one pays it — through Razorpay's
 * webhook format and signature — and the server verifies Checkout's signed answer on the way back.
 */
describe.skipIf(noBrowser)("paying by UPI on the Razorpay-flavoured sandbox", () => {
  const journey = useJourney({ installation: "razorpay" });

  it("returns from a UPI request that timed out to an order that is still payable", async () => {
    const { page } = journey;
    await register(page, "UPI Shopper", `upi-${Date.now()}@example.test`);
    await addToCart(page, "masala dabba", "Steel Masala Dabba", "Small");
    await openCheckout(page);
    await choosePayment(page, "Online payment");
    await page.getByRole("button", { name: /^Place order/ }).click();
    await page.waitForURL(/\/sandbox\/pay/);
    await page.getByRole("heading", { name: "Pay by UPI or card" }).waitFor();
    await page.screenshot({ path: screenshotPath("8-upi-page"), fullPage: true });
    await page.getByLabel("UPI ID").fill("timeout@razorpay");
    await page.getByRole("button", { name: /by UPI$/ }).click();
    await page.waitForURL(/\/orders\/[^/?]+\?paid=1/);
    // A UPI request refused is no card declined: the page names the payment, and every way to pay again.
    await page.getByText("Your payment was declined").waitFor();
    expect(await page.getByTestId("order-banner").textContent()).not.toMatch(/your card|another card/i);
    expect(await page.getByTestId("order-status").textContent()).toBe("Awaiting payment");
  });

  it("pays the same order by UPI: verified answer, then confirmed by the webhook", async () => {
    const { page } = journey;
    const orderId = orderIdOf(page);
    await page.getByRole("button", { name: /by UPI, card or netbanking$/ }).click();
    await page.waitForURL(/\/sandbox\/pay/);
    await page.getByLabel("UPI ID").fill("success@razorpay");
    await page.getByRole("button", { name: /by UPI$/ }).click();
    await page.waitForURL(new RegExp(`/orders/${orderId}\\?paid=1&razorpay_order_id=order_`));
    await page.getByText("received and verified with Razorpay").waitFor();
    await page.getByText("Thank you! Your order is confirmed.").waitFor({ timeout: 20_000 });
    expect(await page.getByTestId("payment-status").textContent()).toBe("Paid");
    await page.getByText("Online payment ·").waitFor();
    await page.screenshot({ path: screenshotPath("8-upi-paid"), fullPage: true });
  });
});
