import { describe, expect, it } from "vitest";
import { noBrowser, screenshotPath, useJourney } from "./journey";
import { addToCart, journeyPassword, saveNewAddress } from "./shop-steps";

describe.skipIf(noBrowser)("a first-time shopper signs up from checkout and is spoken to in their own words", () => {
  const journey = useJourney();

  it("comes back to checkout after signing up, sees an invalid PIN named by its label, and a new name in the header at once", async () => {
    const { page } = journey;
    // A guest fills the cart, goes to checkout, chooses to sign in (not to continue as a guest) and creates an account from there.
    await addToCart(page, "dishwash", "Fresh Dishwash Liquid", "250 ml");
    await page.goto("/cart");
    await page.getByRole("link", { name: "Checkout" }).click();
    await page.getByRole("region", { name: "Have an account?" }).getByRole("link", { name: "Sign in" }).click();
    await page.waitForURL(/\/sign-in\?next=%2Fcheckout$/);
    await page.getByRole("link", { name: "Create an account" }).click();
    await page.getByLabel("Full name").fill("Meera Return");
    await page.getByLabel("Email").fill(`return-path-${Date.now()}@example.test`);
    await page.getByLabel("Password (at least 10 characters)").fill(journeyPassword);
    await page.getByRole("button", { name: "Create account" }).click();

    // Back where they were: checkout, with the cart they filled as a guest.
    await page.getByRole("heading", { name: "1. Delivery address" }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/checkout");

    // A 4-digit PIN is refused beside the field, in words, not as "postalCode".
    await saveNewAddress(page, "5600");
    const form = page.getByRole("form", { name: "New address" });
    const pin = form.getByLabel("PIN code");
    await form.getByText("PIN code must be 6 digits").waitFor();
    expect(await pin.getAttribute("aria-invalid")).toBe("true");
    const describedBy = await pin.getAttribute("aria-describedby");
    expect(await page.locator(`[id="${describedBy}"]`).textContent()).toBe("PIN code must be 6 digits");
    expect(await page.locator("main").innerText()).not.toContain("postalCode");
    await page.screenshot({ path: screenshotPath("return-path-pin"), fullPage: true });

    // A price range the wrong way round is named by the filter and offers no retry that cannot succeed.
    await page.goto("/search?q=rice");
    await page.getByLabel("Minimum price").fill("500");
    await page.getByLabel("Maximum price").fill("100");
    await page.getByRole("button", { name: "Apply price" }).click();
    await page.getByText("Min price must not exceed max price").waitFor();
    expect(await page.getByRole("button", { name: "Try again" }).count()).toBe(0);
    // A crafted link with the range inverted is answered the same way, without a retry.
    await page.goto("/search?min=500&max=100");
    await page.getByText("Min price must not exceed max price").first().waitFor();
    expect(await page.getByRole("button", { name: "Try again" }).count()).toBe(0);

    // A new name on the profile shows in the header without a reload.
    await page.goto("/account");
    const profile = page.getByRole("form", { name: "Profile" });
    await profile.getByLabel("Full name").fill("Meera R.");
    await profile.getByRole("button", { name: "Save profile" }).click();
    await page.getByText("Profile saved.").waitFor();
    await page.getByTestId("account-link").filter({ hasText: "Meera R." }).waitFor();
  });
});
