import { describe, expect, it } from "vitest";
import { noBrowser, screenshotPath, useJourney } from "./journey";
import { addToCart, choosePayment, openCheckout, register } from "./shop-steps";

describe.skipIf(noBrowser)("placing an order happens once", () => {
  const journey = useJourney();
  const orderCount = async () => {
    await journey.page.goto("/orders");
    await journey.page.getByRole("heading", { name: "My orders" }).waitFor();
    await journey.page.getByTestId("order-row").first().waitFor();
    return journey.page.getByTestId("order-row").count();
  };

  it("a double click on “Place order” makes one order", async () => {
    const { page } = journey;
    await register(page, "Double Clicker", `double-${Date.now()}@example.test`);
    await addToCart(page, "chai glasses", "Steel Chai Glasses", "Small");
    await openCheckout(page);
    await choosePayment(page, "Cash on delivery");
    await page.getByRole("button", { name: /^Place order/ }).dblclick();
    await page.getByText("Thank you! Your order is confirmed.").waitFor();
    expect(await orderCount()).toBe(1);
    await page.screenshot({ path: screenshotPath("4-one-order-after-double-click"), fullPage: true });
  });

  it("a retry after the answer was lost on the network replays the same order instead of placing another", async () => {
    const { page } = journey;
    await addToCart(page, "chai glasses", "Steel Chai Glasses", "Large");
    await openCheckout(page);
    await choosePayment(page, "Cash on delivery");
    // The API receives and commits the order, but the browser never hears back.
    let dropped = 0;
    await page.route("**/trpc/order.place**", async (route) => {
      if (dropped++ > 0) return route.continue();
      await route.fetch();
      await route.abort("connectionreset");
    });
    await page.getByRole("button", { name: /^Place order/ }).click();
    await page.getByText("We lost the connection before the shop answered").waitFor();
    await page.screenshot({ path: screenshotPath("4-network-error"), fullPage: true });
    await page.getByRole("button", { name: /^Place order/ }).click();
    await page.getByText("Thank you! Your order is confirmed.").waitFor();
    await page.unroute("**/trpc/order.place**");
    expect(await orderCount()).toBe(2);
  });

  it("the tab that loses the race to place the same cart says the order was placed in the other tab and links to it", async () => {
    const { page } = journey;
    await addToCart(page, "chai glasses", "Steel Chai Glasses", "Small");
    const other = await page.context().newPage();
    try {
      for (const tab of [page, other]) {
        await openCheckout(tab);
        await choosePayment(tab, "Cash on delivery");
        await tab.getByRole("button", { name: /^Place order/ }).waitFor();
      }
      await page.getByRole("button", { name: /^Place order/ }).click();
      await page.getByText("Thank you! Your order is confirmed.").waitFor();
      const placedNumber = await page.getByTestId("order-number").textContent();

      await other.getByRole("button", { name: /^Place order/ }).click();
      await other.getByText("This order was placed in another tab").waitFor();
      expect(await other.getByTestId("placed-elsewhere").textContent()).toContain(placedNumber);
      // Nothing to pay for here: no lone delivery fee.
      expect(await other.getByText("Delivery", { exact: true }).count()).toBe(0);
      await other.screenshot({ path: screenshotPath("4-placed-in-another-tab"), fullPage: true });
      await other.getByRole("link", { name: `View order ${placedNumber}` }).click();
      await other.getByTestId("order-number").waitFor();
      expect(await other.getByTestId("order-number").textContent()).toBe(placedNumber);
    } finally {
      await other.close();
    }
  });
});
