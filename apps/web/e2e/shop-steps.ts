import type { Page } from "playwright-core";
import { inject } from "vitest";

/** Browser steps several journeys share, written as a shopper would do them. */

export const journeyPassword = "a journey passphrase";

/** Opens an admin page signed out and signs in as the demo admin on the sign-in page it leads to; the caller waits for its page. */
export async function signInAsAdmin(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await page.waitForURL(/\/sign-in\?next=/);
  const admin = inject("demoAdmin");
  await page.getByLabel("Email").fill(admin.email);
  await page.getByLabel("Password").fill(admin.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function register(page: Page, name: string, email: string): Promise<void> {
  await page.goto("/register");
  await page.getByLabel("Full name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password (at least 10 characters)").fill(journeyPassword);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.getByTestId("account-email").waitFor();
}

/** Opens a product from the search results and adds the named option (or the first) to the cart. */
export async function addToCart(page: Page, search: string, productName: string, option?: string): Promise<void> {
  await page.goto(`/search?q=${encodeURIComponent(search)}`);
  await page.getByRole("link", { name: productName, exact: false }).first().click();
  await page.getByRole("heading", { level: 1, name: productName }).waitFor();
  if (option) await page.locator("label", { hasText: option }).click();
  await page.getByRole("button", { name: "Add to cart" }).click();
  await page.getByText("to your cart.").waitFor();
}

/** Where journeys deliver unless they say otherwise. */
const BENGALURU = { line1: "12 MG Road", city: "Bengaluru", state: "Karnataka" };

/**
 * A delivery address for `name` with `postalCode` (in Bengaluru unless `place` says elsewhere), typed
 * into the address fields within `scope` (the page, or a form on it: a saved address's or a guest's).
 */
export async function fillAddress(scope: Pick<Page, "getByLabel">, name: string, postalCode = "560001", place = BENGALURU): Promise<void> {
  await scope.getByLabel("Full name").fill(name);
  await scope.getByLabel("Mobile number").fill("+91 98765 43210");
  await scope.getByLabel("Address line 1").fill(place.line1);
  await scope.getByLabel("City").fill(place.city);
  await scope.getByLabel("State").selectOption({ label: place.state });
  await scope.getByLabel("PIN code").fill(postalCode);
}

/** From the cart to the checkout page, adding a delivery address when the shopper has none. */
export async function openCheckout(page: Page): Promise<void> {
  await page.goto("/checkout");
  await page.getByRole("heading", { name: "1. Delivery address" }).waitFor();
  if (await page.getByRole("form", { name: "New address" }).isVisible()) {
    await saveNewAddress(page, "560001");
    await page.getByRole("radio", { name: /Asha Journey/ }).waitFor();
  }
}

/** Fills checkout's "New address" form for Asha Journey with `postalCode` and saves it: in Bengaluru unless `place` says elsewhere. */
export async function saveNewAddress(page: Page, postalCode: string, place = BENGALURU): Promise<void> {
  const form = page.getByRole("form", { name: "New address" });
  await fillAddress(form, "Asha Journey", postalCode, place);
  await form.getByRole("button", { name: "Save address" }).click();
}

export async function choosePayment(page: Page, method: "Card" | "Online payment" | "BBSCART wallet" | "Cash on delivery"): Promise<void> {
  await page.getByRole("radio", { name: new RegExp(`^${method}`) }).check();
}

/** The order id of the order page the browser is on. */
export function orderIdOf(page: Page): string {
  const match = /\/orders\/([^/?#]+)/.exec(page.url());
  if (!match?.[1]) throw new Error(`not on an order page: ${page.url()}`);
  return match[1];
}
