import { describe, expect, it } from "vitest";
import { noBrowser, screenshotPath, useJourney } from "./journey";
import { addToCart, choosePayment, openCheckout, register } from "./shop-steps";

describe.skipIf(noBrowser)("a returning shopper edits a saved address and checks out with it", () => {
  const journey = useJourney();

  it("refuses a 4-digit PIN naming the field, saves the edit with a state from the list, and delivers the next order there", async () => {
    const { page } = journey;
    await register(page, "Address Shopper", `addresses-${Date.now()}@example.test`);
    // The first order saves the address at checkout.
    await addToCart(page, "dishwash", "Fresh Dishwash Liquid", "250 ml");
    await openCheckout(page);
    await choosePayment(page, "Cash on delivery");
    await page.getByRole("button", { name: /^Place order/ }).click();
    await page.getByText("Thank you! Your order is confirmed.").waitFor();

    // Back on the account page, the shopper edits it: a 4-digit PIN is refused beside the field.
    await page.goto("/account");
    await page.getByRole("button", { name: "Edit address of Asha Journey" }).click();
    const form = page.getByRole("form", { name: "Edit address" });
    await form.getByLabel("Address line 1").fill("80 Feet Road");
    await form.getByLabel("City").fill("Chennai");
    await form.getByLabel("State").selectOption({ label: "Tamil Nadu" });
    await form.getByLabel("PIN code").fill("6000");
    await form.getByRole("button", { name: "Save address" }).click();
    await form.getByText("PIN code must be 6 digits").waitFor();
    await form.getByLabel("PIN code").fill("600017");
    await form.getByRole("button", { name: "Save address" }).click();
    await page.getByText("80 Feet Road, Chennai, Tamil Nadu, 600017").waitFor();
    await page.screenshot({ path: screenshotPath("addresses-edited"), fullPage: true });

    // The next checkout preselects the edited address and the order goes there.
    await addToCart(page, "dishwash", "Fresh Dishwash Liquid", "250 ml");
    await page.goto("/checkout");
    const saved = page.getByRole("radio", { name: /80 Feet Road/ });
    await saved.waitFor();
    expect(await saved.isChecked()).toBe(true);
    await choosePayment(page, "Cash on delivery");
    await page.getByRole("button", { name: /^Place order/ }).click();
    await page.getByText("Thank you! Your order is confirmed.").waitFor();
    await page.getByText("80 Feet Road, Chennai, Tamil Nadu, 600017").waitFor();
    await page.screenshot({ path: screenshotPath("addresses-ordered"), fullPage: true });
  });
});
