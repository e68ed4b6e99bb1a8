import { allocate, type Money } from "@bbscart/core";
import { describe, expect, inject, it } from "vitest";
import { creditWallet, signInOverHttp } from "./api-client";
import { noBrowser, screenshotPath, useJourney } from "./journey";
import { journeyPassword, signInAsAdmin } from "./shop-steps";

type Api = Awaited<ReturnType<typeof signInOverHttp>>;
type OrderLine = { variantId: string; name: string; quantity: number; total: Money };

/**
 * Arranged over HTTP as a shopper and the staff would have done it: two units of one product with
 * WELCOME10 paid from the wallet, then packed, shipped and delivered by the demo admin.
 */
async function deliveredOrderWithCoupon(baseUrl: string, email: string): Promise<{ orderId: string; orderNumber: string; shopper: Api; line: OrderLine }> {
  const registered = await fetch(`${baseUrl}/trpc/auth.register`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: baseUrl },
    body: JSON.stringify({ json: { email, password: journeyPassword, name: "Returns Journey Shopper" } }),
  });
  if (!registered.ok) throw new Error(`auth.register answered ${registered.status}`);
  await creditWallet(baseUrl, inject("demoAdmin"), email, 2_000_000);
  const shopper = await signInOverHttp(baseUrl, { email, password: journeyPassword });
  const catalog = await shopper.query<{ items: { variants: { id: string; inStock: boolean; price: Money }[] }[] }>("catalog.list", { inStock: true, sort: "price_asc", limit: 50 });
  // Two units clear WELCOME10's ₹499 minimum; an odd price makes the split of the discount between the units uneven.
  const variant = catalog.items.flatMap((p) => p.variants).find((v) => v.inStock && v.price.minor >= 25_000 && v.price.minor <= 300_000);
  if (!variant) throw new Error("the seeded catalog has no product between ₹250 and ₹3,000 in stock");
  await shopper.mutate("cart.add", { variantId: variant.id, quantity: 2 });
  await shopper.mutate("cart.applyCoupon", { code: "WELCOME10" });
  const placed = await shopper.mutate<{ orderId: string; orderNumber: string }>("order.place", {
    address: { name: "Asha Journey", phone: "+91 98765 43210", line1: "12 MG Road", city: "Bengaluru", state: "Karnataka", postalCode: "560001" },
    deliveryOptionId: "standard",
    paymentMethod: "wallet",
    idempotencyKey: `returns_journey_${Date.now()}`,
  });
  const admin = await signInOverHttp(baseUrl, inject("demoAdmin"));
  for (const event of [{ type: "pack" }, { type: "ship", carrier: "BlueDart", trackingNumber: "BD-RETURN-1" }, { type: "deliver" }]) {
    await admin.mutate("admin.orders.transition", { orderId: placed.orderId, event });
  }
  const order = await shopper.query<{ lines: OrderLine[]; discount: Money }>("order.byId", { orderId: placed.orderId });
  if (order.discount.minor === 0) throw new Error("WELCOME10 did not apply");
  return { ...placed, shopper, line: order.lines[0]! };
}

describe.skipIf(noBrowser)("a shopper returns one of two units; the admin approves core's amount and receives it", () => {
  const journey = useJourney();
  let order: Awaited<ReturnType<typeof deliveredOrderWithCoupon>>;
  /** What one unit paid: the first of the line's discounted total split over its two units. */
  let unitPaid: Money;

  it("asks to return 1 of the 2 units with a reason from the list", async () => {
    const { page } = journey;
    const email = `returns-${Date.now()}@example.test`;
    order = await deliveredOrderWithCoupon(journey.baseUrl, email);
    unitPaid = allocate(order.line.total, [1, 1])[0]!;
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(journeyPassword);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
    await page.goto(`/orders/${order.orderId}`);
    await page.getByRole("button", { name: "Return items" }).click();
    const form = page.getByRole("form", { name: "Request a return" });
    await form.getByLabel(`${order.line.name} (units)`).selectOption("1");
    await form.getByLabel("Reason").selectOption("damaged");
    await form.getByLabel(/Anything we should know/).fill("One bottle arrived cracked");
    await form.getByRole("button", { name: "Send return request" }).click();
    await expect.poll(() => page.getByTestId("order-status").textContent()).toBe("Return requested");
    expect(await page.getByTestId("returns").textContent()).toContain("0 of 2 returned, 1 in a return");
    await page.screenshot({ path: screenshotPath("returns-requested"), fullPage: true });
  });

  it("approves the line in the console, seeing core's amount before confirming, then receives the unit", async () => {
    const { page } = journey;
    // Signed out: the refresh cookie goes and the in-memory token with the reload.
    await page.context().clearCookies();
    await signInAsAdmin(page, "/admin");
    await page.waitForURL(/\/admin\/dashboard/);
    await page.goto(`/admin/orders/${order.orderId}`);
    await page.getByRole("heading", { name: `Order ${order.orderNumber}` }).waitFor();
    const actions = page.getByRole("region", { name: "Actions" });
    await actions.getByRole("button", { name: "Approve return…" }).click();
    const dialog = page.getByRole("dialog", { name: "Approve return" });
    await expect.poll(() => dialog.getByTestId("computed-refund").getAttribute("data-minor")).toBe(String(unitPaid.minor));
    await page.screenshot({ path: screenshotPath("returns-approve"), fullPage: true });
    await dialog.getByRole("button", { name: "Approve return", exact: true }).click();
    await page.getByTestId("order-status").getByText("Return approved").waitFor();

    await actions.getByRole("button", { name: "Receive return…" }).click();
    await page.getByRole("dialog", { name: "Receive return" }).getByRole("button", { name: "Receive return" }).click();
    await page.getByTestId("order-status").getByText("Return received").waitFor();
    await expect.poll(() => page.getByTestId("returned-total").getAttribute("data-minor")).toBe(String(unitPaid.minor));
    expect(await page.getByTestId("returned-line").first().textContent()).toContain("1 of 2 returned");
    await page.screenshot({ path: screenshotPath("returns-received"), fullPage: true });
  });

  it("shows the shopper the refund of exactly that amount, in the order and the wallet", async () => {
    const seen = await order.shopper.query<{ returned: { total: Money }; payment: { refunded: Money } }>("order.byId", { orderId: order.orderId });
    expect(seen.returned.total).toEqual(unitPaid);
    expect(seen.payment.refunded).toEqual(unitPaid);
    const statement = await order.shopper.query<{ entries: { kind: string; change: { minor: number } }[] }>("wallet.statement", {});
    expect(statement.entries[0]).toMatchObject({ kind: "refund", change: { minor: unitPaid.minor } });
  });
});
