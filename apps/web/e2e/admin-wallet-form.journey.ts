import { describe, expect, inject, it } from "vitest";
import { noBrowser, screenshotPath, useJourney } from "./journey";
import { signInAsAdmin } from "./shop-steps";

describe.skipIf(noBrowser)("an admin credits a customer's wallet at 1280 px", () => {
  const journey = useJourney({ viewport: { width: 1280, height: 900 } });

  it("confirms the credit, then clears the form and names the amount and the customer; the panel fits the screen", async () => {
    const { page } = journey;
    const shopper = inject("demoShopper");
    await signInAsAdmin(page, `/admin/customers?q=${encodeURIComponent(shopper.email)}`);
    const row = page.getByRole("row", { name: new RegExp(shopper.email.replace(/[.+]/g, "\\$&")) });
    const name = (await row.getByRole("link").innerText()).trim();
    await row.getByRole("link").click();
    await page.getByTestId("customer-detail").waitFor();

    const form = page.getByRole("form", { name: "Adjust wallet" });
    await form.getByLabel(/^Amount/).fill("5");
    await form.getByLabel(/^Reason/).fill("Goodwill for a late delivery");
    await form.getByRole("button", { name: "Review adjustment…" }).click();
    await page.getByRole("dialog", { name: "Confirm wallet adjustment" }).getByRole("button", { name: "Confirm" }).click();
    await form.getByText(`Credited ₹5.00 to ${name}'s wallet.`).waitFor();
    expect(await form.getByLabel(/^Amount/).inputValue()).toBe("");
    expect(await form.getByLabel(/^Reason/).inputValue()).toBe("");
    const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
    expect(scroll).toBeLessThanOrEqual(width);
    await page.screenshot({ path: screenshotPath("admin-wallet-credit"), fullPage: true });
  });
});
