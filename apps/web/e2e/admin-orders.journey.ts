import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { placeWalletOrder } from "./api-client";
import { noBrowser, screenshotPath, useJourney } from "./journey";
import { signInAsAdmin } from "./shop-steps";

describe.skipIf(noBrowser)("an admin packs and ships orders in bulk and exports them as CSV", () => {
  const journey = useJourney();
  const stamp = Date.now();
  let orders: { orderNumber: string }[];

  it("finds the orders needing packing in one click and packs two of them together", async () => {
    const { page, baseUrl } = journey;
    orders = [
      await placeWalletOrder(baseUrl, inject("demoAdmin"), { email: `bulk-a-${stamp}@example.test`, name: "Bulk Shopper A" }),
      await placeWalletOrder(baseUrl, inject("demoAdmin"), { email: `bulk-b-${stamp}@example.test`, name: "Bulk Shopper B" }),
    ];
    await signInAsAdmin(page, "/admin/orders");
    await page.waitForURL(/\/admin\/orders/);
    await page.getByRole("button", { name: "Awaiting packing" }).click();
    await page.waitForURL(/status=confirmed/);
    for (const { orderNumber } of orders) {
      const row = page.getByRole("row").filter({ hasText: orderNumber });
      await row.waitFor();
      // The customer column names who ordered.
      expect(await row.textContent()).toContain(orderNumber === orders[0]!.orderNumber ? `bulk-a-${stamp}@example.test` : `bulk-b-${stamp}@example.test`);
      await page.getByRole("checkbox", { name: `Select ${orderNumber}` }).check();
    }
    await page.getByRole("button", { name: "Pack 2 orders" }).click();
    await page.getByRole("status").filter({ hasText: "2 of 2 orders updated." }).waitFor();
  });

  it("ships both with a tracking number each", async () => {
    const { page } = journey;
    await page.getByRole("button", { name: "Packed, to ship" }).click();
    await page.waitForURL(/status=packed/);
    for (const { orderNumber } of orders) await page.getByRole("checkbox", { name: `Select ${orderNumber}` }).check();
    const form = page.getByRole("form", { name: "Ship selected orders" });
    await form.getByLabel("Carrier").fill("Delhivery");
    for (const [i, { orderNumber }] of orders.entries()) await form.getByLabel(`Tracking number for ${orderNumber}`).fill(`DLV-${stamp}-${i}`);
    await page.screenshot({ path: screenshotPath("admin-orders-bulk-ship"), fullPage: true });
    await form.getByRole("button", { name: "Ship 2 orders" }).click();
    await page.getByRole("status").filter({ hasText: "2 of 2 orders updated." }).waitFor();
  });

  it("exports the shipped orders view as a CSV an accountant can open", async () => {
    const { page } = journey;
    await page.getByLabel("Status").selectOption("shipped");
    await page.waitForURL(/status=shipped/);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export CSV" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^orders-\d{4}-\d{2}-\d{2}\.csv$/);
    // The browser is remote (shared by the run): the file is saved locally, as a user's "Save as".
    const dir = await mkdtemp(path.join(tmpdir(), "bbscart-export-"));
    const file = path.join(dir, download.suggestedFilename());
    await download.saveAs(file);
    const bytes = await readFile(file);
    await rm(dir, { recursive: true });
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString("utf8").slice(1).split("\r\n");
    expect(lines[0]).toMatch(/^order_number,placed_at,status,/);
    for (const [i, { orderNumber }] of orders.entries()) {
      const line = lines.find((l) => l.startsWith(`${orderNumber},`));
      expect(line).toContain(",shipped,wallet,paid,");
      expect(line).toMatch(new RegExp(`,INR,.*,Delhivery,DLV-${stamp}-${i}$`));
    }
    expect(lines.filter((l) => l.includes(",shipped,")).length).toBe(lines.filter(Boolean).length - 1);
  });

  it("opens a printable packing slip with the lines and the address, without prices", async () => {
    const { page } = journey;
    // Found by its number rather than read off the page the export left: this step stands alone.
    await page.goto(`/admin/orders?q=${orders[0]!.orderNumber}`);
    const row = page.getByRole("row").filter({ hasText: orders[0]!.orderNumber });
    await row.getByRole("link", { name: "Packing slip" }).click();
    const slip = page.getByRole("article", { name: `Packing slip ${orders[0]!.orderNumber}` });
    await slip.waitFor();
    const text = (await slip.textContent()) ?? "";
    expect(text).toContain("12 MG Road");
    expect(text).toContain("560001");
    expect(text).not.toContain("₹");
    await page.emulateMedia({ media: "print" });
    await page.screenshot({ path: screenshotPath("admin-packing-slip-print"), fullPage: true });
    expect(await page.getByRole("button", { name: "Print" }).isVisible()).toBe(false);
  });
});
