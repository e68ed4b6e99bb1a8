import { formatMoney } from "@bbscart/core";
import { describe, expect, inject, it } from "vitest";
import { placeWalletOrder, signInOverHttp } from "./api-client";
import { noBrowser, screenshotPath, useJourney } from "./journey";
import { signInAsAdmin } from "./shop-steps";

/** A coupon used once: the demo admin creates it over the API, and a new shopper pays a wallet order with it. */
async function usedCoupon(baseUrl: string, code: string): Promise<{ total: number }> {
  const admin = await signInOverHttp(baseUrl, inject("demoAdmin"));
  await admin.mutate("admin.settings.coupons.create", { kind: "fixed", code, amountMinor: 5_000, description: "Journey launch", usageLimit: 50 });
  const placed = await placeWalletOrder(baseUrl, inject("demoAdmin"), { email: `coupon-journey-${Date.now()}@example.test`, name: "Coupon Journey Shopper", couponCode: code });
  return { total: placed.total.minor };
}

describe.skipIf(noBrowser)("an admin edits a coupon and sees its status, redemptions and revenue", () => {
  const journey = useJourney();
  const code = `EDIT${Date.now().toString().slice(-6)}`;
  let total: number;

  it("lists the used coupon as active, with one redemption and its order's revenue", async () => {
    const { page } = journey;
    ({ total } = await usedCoupon(journey.baseUrl, code));
    await signInAsAdmin(page, "/admin/coupons");
    await page.waitForURL(/\/admin\/coupons/);
    const row = page.getByRole("row").filter({ hasText: code });
    await row.waitFor();
    expect(await row.getByRole("cell").nth(4).textContent()).toBe("1 / 50");
    expect(await row.getByRole("cell").nth(5).textContent()).toBe(`${formatMoney({ minor: total, currency: "INR" })}1 paid order`);
    expect(await row.getByRole("cell").nth(6).textContent()).toContain("Active");
    expect(await row.textContent()).toContain("Journey launch");
  });

  it("edits its description, limit and expiry; the form closes and confirms, and the list shows the new status", async () => {
    const { page } = journey;
    const row = page.getByRole("row").filter({ hasText: code });
    await row.getByRole("button", { name: `Edit ${code}` }).click();
    const dialog = page.getByRole("dialog", { name: `Edit ${code}` });
    await dialog.waitFor();
    expect(await dialog.getByLabel("Description (optional)").inputValue()).toBe("Journey launch");
    expect(await dialog.getByLabel("Amount off (INR)").inputValue()).toBe("50.00");
    expect(await dialog.getByLabel("Total uses (optional)").inputValue()).toBe("50");
    await dialog.getByLabel("Description (optional)").fill("Ended early");
    await dialog.getByLabel("Total uses (optional)").fill("1");
    await dialog.getByLabel("Expires (optional)").fill("2020-01-01T00:00");
    await dialog.getByRole("button", { name: "Save changes" }).click();
    // An expiry before a start the coupon never had is fine; the API refuses only a window that ends before it starts.
    await page.getByRole("status").filter({ hasText: `Saved ${code}.` }).waitFor();
    expect(await page.getByRole("dialog").count()).toBe(0);
    await expect.poll(async () => row.getByRole("cell").nth(6).textContent()).toContain("Expired");
    expect(await row.textContent()).toContain("Ended early");
    expect(await row.getByRole("cell").nth(4).textContent()).toBe("1 / 1");
    await page.screenshot({ path: screenshotPath("admin-coupon-edited"), fullPage: true });
  });

  it("is told when the coupon changed since the form was opened, and the reopened form shows what is stored", async () => {
    const { page } = journey;
    const row = page.getByRole("row").filter({ hasText: code });
    await row.getByRole("button", { name: `Edit ${code}` }).click();
    const dialog = page.getByRole("dialog", { name: `Edit ${code}` });
    await dialog.waitFor();
    // Another admin edits it meanwhile.
    const other = await signInOverHttp(journey.baseUrl, inject("demoAdmin"));
    const listed = await other.query<{ items: { code: string; version: number }[] }>("admin.settings.coupons.list", { limit: 100 });
    const version = listed.items.find((c) => c.code === code)!.version;
    await other.mutate("admin.settings.coupons.update", { code, expectedVersion: version, description: "Changed elsewhere" });
    await dialog.getByLabel("Description (optional)").fill("Mine");
    await dialog.getByRole("button", { name: "Save changes" }).click();
    await dialog.getByText("changed by someone else").waitFor();
    await dialog.getByRole("button", { name: "Back" }).click();
    await row.getByRole("button", { name: `Edit ${code}` }).click();
    expect(await page.getByRole("dialog", { name: `Edit ${code}` }).getByLabel("Description (optional)").inputValue()).toBe("Changed elsewhere");
  });
});
