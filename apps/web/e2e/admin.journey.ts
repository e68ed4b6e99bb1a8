import { describe, expect, inject, it } from "vitest";
import { placeWalletOrder, signInOverHttp } from "./api-client";
import { noBrowser, screenshotPath, useJourney } from "./journey";
import { signInAsAdmin } from "./shop-steps";

describe.skipIf(noBrowser)("an admin ships an order, refunds part of it to the wallet and edits a product", () => {
  const journey = useJourney();
  let order: Awaited<ReturnType<typeof placeWalletOrder>>;

  it("is sent to sign in, then lands on the dashboard with its sales chart", async () => {
    const { page } = journey;
    order = await placeWalletOrder(journey.baseUrl, inject("demoAdmin"), { email: `admin-journey-${Date.now()}@example.test`, name: "Admin Journey Shopper" });
    await signInAsAdmin(page, "/admin");
    await page.waitForURL(/\/admin\/dashboard/);
    await page.getByTestId("sales-chart").waitFor();
    expect(await page.getByTestId("today-sales").textContent()).not.toContain("₹0.00");
    await page.getByRole("button", { name: "30 days" }).click();
    await page.getByRole("heading", { name: "Sales, last 30 days" }).waitFor();
    await page.getByTestId("sales-chart").waitFor();
    await page.screenshot({ path: screenshotPath("admin-dashboard"), fullPage: true });
  });

  it("finds the order in the list by the number the customer quotes, filtered, with the filters in the URL", async () => {
    const { page } = journey;
    await page.getByRole("navigation", { name: "Admin sections" }).getByRole("link", { name: "Orders" }).click();
    await page.getByLabel("Status").selectOption("confirmed");
    await page.waitForURL(/status=confirmed/);
    // As read out on the phone: the digits alone.
    await page.getByLabel("Search").fill(order.orderNumber.replace("BB-", ""));
    await page.getByRole("button", { name: "Search" }).click();
    await page.waitForURL(/q=/);
    await page.getByRole("link", { name: order.orderNumber }).waitFor();
    expect(await page.getByRole("link", { name: /^BB-\d+$/ }).count()).toBe(1);
    await page.screenshot({ path: screenshotPath("admin-orders"), fullPage: true });
    await page.getByRole("link", { name: order.orderNumber }).click();
    await page.getByRole("heading", { name: `Order ${order.orderNumber}` }).waitFor();
  });

  it("packs the order and ships it with a tracking number, offered only the actions the order allows", async () => {
    const { page } = journey;
    const actions = page.getByRole("region", { name: "Actions" });
    expect(await actions.getByRole("button", { name: "Ship…" }).count()).toBe(0);
    await actions.getByRole("button", { name: "Mark packed" }).click();
    await page.getByTestId("order-status").getByText("Packed").waitFor();
    await actions.getByRole("button", { name: "Ship…" }).click();
    const dialog = page.getByRole("dialog", { name: "Ship" });
    await dialog.getByRole("button", { name: "Ship" }).click();
    await dialog.getByText("Carrier is required").waitFor();
    await dialog.getByLabel("Carrier").fill("BlueDart");
    await dialog.getByLabel("Tracking number").fill("BD123456789IN");
    await dialog.getByRole("button", { name: "Ship" }).click();
    await page.getByTestId("order-status").getByText("Shipped").waitFor();
    expect(await page.getByTestId("tracking").textContent()).toContain("BD123456789IN");
    const seen = await order.shopper.query<{ status: string; tracking: { trackingNumber: string } | null }>("order.byId", { orderId: order.orderId });
    expect(seen).toMatchObject({ status: "shipped", tracking: { trackingNumber: "BD123456789IN" } });
  });

  it("refunds ₹20 of it to the shopper's wallet after confirming, and the shopper's statement shows it", async () => {
    const { page } = journey;
    const refund = page.getByRole("form", { name: "Refund" });
    await refund.getByLabel(/^Amount/).fill("20.00");
    await refund.getByRole("radio", { name: /wallet/i }).check();
    await refund.getByLabel("Reason").fill("One unit arrived scratched");
    await refund.getByRole("button", { name: "Review refund…" }).click();
    await page.getByRole("dialog", { name: "Confirm refund" }).getByRole("button", { name: "Refund" }).click();
    await page.getByText("Refunded ₹20.00").waitFor();
    expect(await page.getByTestId("refunded").textContent()).toBe("₹20.00");
    await page.getByTestId("order-status").getByText("Partly refunded").waitFor();
    await page.screenshot({ path: screenshotPath("admin-order-detail"), fullPage: true });
    const statement = await order.shopper.query<{ entries: { kind: string; change: { minor: number } }[] }>("wallet.statement", {});
    expect(statement.entries[0]).toMatchObject({ kind: "refund", change: { minor: 2_000 } });
  });

  it("uploads an image to a product, sees its preview and saves", async () => {
    const { page } = journey;
    await page.getByRole("navigation", { name: "Admin sections" }).getByRole("link", { name: "Products" }).click();
    await page.getByRole("table", { name: "Products" }).getByRole("link").first().click();
    await page.getByRole("button", { name: "Save product" }).waitFor();
    const images = page.getByRole("region", { name: "Images" }).getByRole("img");
    const before = await images.count();
    // A real picture to upload: the seeded cover of this very product, as the shop serves it.
    const cover = await fetch(new URL((await images.first().getAttribute("src"))!, journey.baseUrl));
    const mimeType = cover.headers.get("content-type")!;
    const buffer = Buffer.from(await cover.arrayBuffer());
    await page.getByLabel("Upload images (JPEG, PNG or WebP)").setInputFiles({ name: `journey.${mimeType.split("/")[1]}`, mimeType, buffer });
    await expect.poll(() => images.count()).toBe(before + 1);
    await page.getByRole("button", { name: "Save product" }).click();
    await page.getByText("Product saved.").waitFor();
    await page.screenshot({ path: screenshotPath("admin-product-editor"), fullPage: true });
  });
  it("sees the payments health page and the dashboard's top products", async () => {
    const { page } = journey;
    await page.getByRole("navigation", { name: "Admin sections" }).getByRole("link", { name: "Payments" }).click();
    await page.getByRole("heading", { name: "Payments", level: 1 }).waitFor();
    // Wallet orders send no webhooks, so either list may be empty; what matters is that both load.
    await page.getByTestId("webhook-events").getByText(/Webhook events, page 1|No webhook events/).waitFor();
    await page.getByTestId("reconciliations").getByText(/Reconciliation repairs, page 1|Reconciliation has not/).waitFor();
    await page.getByLabel("Processing state").selectOption("failed");
    await page.waitForURL(/status=failed/);
    await page.getByTestId("webhook-events").getByText(/Webhook events, page 1|No webhook events/).waitFor();
    await page.screenshot({ path: screenshotPath("admin-payments"), fullPage: true });
    await page.getByRole("navigation", { name: "Admin sections" }).getByRole("link", { name: "Dashboard" }).click();
    // The order placed at the start of this journey makes its product a top seller.
    await page.getByTestId("top-products").getByRole("link").first().waitFor();
    expect(await page.getByTestId("top-products").textContent()).toContain("sold");
  });
});

describe.skipIf(noBrowser)("a shopper opening /admin is refused", () => {
  const journey = useJourney();

  it("signs in as a shopper, is told the console is for staff, and the API refuses them too", async () => {
    const { page } = journey;
    const shopper = inject("demoShopper");
    await page.goto("/admin/orders");
    await page.waitForURL(/\/sign-in\?next=/);
    await page.getByLabel("Email").fill(shopper.email);
    await page.getByLabel("Password").fill(shopper.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: "This area is for store staff" }).waitFor();
    expect(await page.getByRole("navigation", { name: "Admin sections" }).count()).toBe(0);
    await page.screenshot({ path: screenshotPath("admin-refused"), fullPage: true });
    const api = await signInOverHttp(journey.baseUrl, shopper);
    await expect(api.query("admin.orders.list", {})).rejects.toThrow(/403/);
  });
});
