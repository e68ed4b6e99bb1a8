import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { noBrowser, screenshotPath, useJourney } from "./journey";
import { linkInMail } from "./mail";
import { addToCart, choosePayment, fillAddress, journeyPassword } from "./shop-steps";

/** The guest's order link in the newest email to `to`. */
const orderLinkFor = (to: string) => linkInMail(to, /https?:\/\/[^\s"<>]*\/orders\/view\?token=[A-Za-z0-9._~%-]+/);

/** Checkout as a guest: contact, a new address (with `postalCode`), and the payment method, then "Place order". */
async function checkoutAsGuest(page: Page, email: string, method: "Card" | "Cash on delivery", postalCode?: string): Promise<void> {
  await page.goto("/checkout");
  await page.getByRole("button", { name: "Continue as guest" }).click();
  await page.getByLabel("Email").fill(email);
  await fillAddress(page, "Guest Journey", postalCode);
  await choosePayment(page, method);
  await page.getByRole("button", { name: /^Place order/ }).click();
}

describe.skipIf(noBrowser)("a guest buys without an account and finds the order again", () => {
  const journey = useJourney();
  const email = `guest-journey-${Date.now()}@example.test`;
  let orderNumber = "";

  it("pays cash on delivery as a guest and lands on the order's page, after a 4-digit PIN is refused beside its field", async () => {
    const { page } = journey;
    await addToCart(page, "masala dabba", "Steel Masala Dabba", "Small");
    await checkoutAsGuest(page, email, "Cash on delivery", "5600");
    const guestForm = page.getByRole("form", { name: "Guest checkout" });
    await guestForm.getByText("PIN code must be 6 digits").waitFor();
    await guestForm.getByLabel("PIN code").fill("560001");
    await page.getByRole("button", { name: /^Place order/ }).click();
    await page.waitForURL(/\/orders\/view\?token=.+&placed=1/);
    await page.getByText("Thank you! Your order").waitFor();
    orderNumber = (await page.getByRole("heading", { level: 1 }).textContent())!.replace("Order ", "");
    expect(orderNumber).toMatch(/^BB-\d+$/);
    expect(await page.getByTestId("receipt-row").count()).toBeGreaterThan(0);
    await page.screenshot({ path: screenshotPath("23-guest-cod-placed"), fullPage: true });
  });

  it("opens the order from the link in the confirmation email", async () => {
    const { page } = journey;
    const link = new URL(await orderLinkFor(email));
    await page.goto(link.pathname + link.search);
    await page.getByRole("heading", { level: 1, name: `Order ${orderNumber}` }).waitFor();
    await page.getByText("Confirmed").first().waitFor();
  });

  it("finds the order on the Track your order page with its number and email, and not with another email", async () => {
    const { page } = journey;
    await page.goto("/");
    await page.getByRole("link", { name: "Track your order" }).click();
    await page.getByLabel("Order number").fill(orderNumber);
    await page.getByLabel("Email or mobile number").fill("someone.else@example.test");
    await page.getByRole("button", { name: "Find my order" }).click();
    await page.getByText("No order matches").waitFor();
    await page.getByLabel("Email or mobile number").fill(email);
    await page.getByRole("button", { name: "Find my order" }).click();
    await page.getByRole("heading", { level: 1, name: `Order ${orderNumber}` }).waitFor();
    await page.screenshot({ path: screenshotPath("23-guest-tracked"), fullPage: true });
  });

  it("pays by card on the sandbox payment page as a guest and sees the order paid", async () => {
    const { page } = journey;
    await addToCart(page, "masala dabba", "Steel Masala Dabba", "Small");
    await checkoutAsGuest(page, email, "Card");
    await page.waitForURL(/\/sandbox\/pay/);
    await page.getByLabel("Card number").fill("4242 4242 4242 4242");
    await page.getByLabel("Expiry (MM/YY)").fill("12/34");
    await page.getByLabel("CVC").fill("123");
    await page.getByRole("button", { name: /^Pay / }).click();
    await page.waitForURL(/\/orders\/view\?token=.+&paid=1/);
    await expect.poll(() => page.getByTestId("guest-order-status").textContent(), { timeout: 20_000 }).toContain("Paid");
    await page.screenshot({ path: screenshotPath("23-guest-card-paid"), fullPage: true });
  });

  it("creates an account with that email from the order page and adds both guest orders to it", async () => {
    const { page } = journey;
    const link = new URL(await orderLinkFor(email));
    await page.goto(link.pathname + link.search);
    await page.getByRole("link", { name: "create an account" }).click();
    await page.getByLabel("Full name").fill("Guest Journey");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password (at least 10 characters)").fill(journeyPassword);
    await page.getByRole("button", { name: "Create account" }).click();
    // Back on the order page (the newest email's: the card order), signed in: registering alone added nothing; the link does.
    await page.getByRole("heading", { level: 1, name: /^Order BB-\d+$/ }).waitFor();
    await page.getByRole("button", { name: "Add my orders to my account" }).click();
    await page.getByText("Added 2 orders to your account.").waitFor();
    await page.getByRole("link", { name: "Your orders" }).click();
    await expect.poll(() => page.getByText(orderNumber).count()).toBeGreaterThan(0);
  });
});
