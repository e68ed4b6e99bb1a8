import { beforeAll, describe, expect, it } from "vitest";
import { noBrowser, screenshotPath, useJourney } from "./journey";
import { journeyPassword, signInAsAdmin } from "./shop-steps";

/** Registers an account over HTTP, as a visitor would on the register page. */
async function registerOverHttp(baseUrl: string, account: { name: string; email: string; phone: string | null }): Promise<void> {
  const response = await fetch(`${baseUrl}/trpc/auth.register`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: baseUrl },
    body: JSON.stringify({ json: { ...account, password: journeyPassword } }),
  });
  if (!response.ok) throw new Error(`auth.register answered ${response.status}`);
}

describe.skipIf(noBrowser)("an admin finds a customer by phone and gives a colleague a staff role", () => {
  const journey = useJourney({ viewport: { width: 1280, height: 900 } });
  const stamp = String(Date.now());
  const digits = `98${stamp.slice(-8)}`;
  const customer = { name: "Phone Customer", email: `phone-customer-${stamp}@example.test`, phone: `+91${digits}` };
  const colleague = { name: "Pack Colleague", email: `packer-${stamp}@example.test`, phone: null };

  beforeAll(async () => {
    await registerOverHttp(journey.baseUrl, customer);
    await registerOverHttp(journey.baseUrl, colleague);
  });

  it("finds the customer by the phone number read out to them, and opens their page", async () => {
    const { page } = journey;
    await signInAsAdmin(page, "/admin/customers");
    await page.getByRole("heading", { name: "Customers" }).waitFor();
    // Typed the way it is read out, in groups.
    await page.getByLabel("Search").fill(`+91 ${digits.slice(0, 5)} ${digits.slice(5)}`);
    await page.getByRole("button", { name: "Search" }).click();
    await page.waitForURL(/q=/);
    const link = page.getByRole("link", { name: customer.name });
    await link.waitFor();
    expect(await page.getByRole("table", { name: "Accounts" }).getByRole("row").count()).toBe(2);
    await link.click();
    await page.getByRole("heading", { name: customer.name }).waitFor();
    await page.waitForURL(/\/admin\/customers\/[^/?]+$/);
    const glance = page.getByRole("definition");
    expect(await glance.first().innerText()).toBe("0");
    await page.getByRole("region", { name: "Addresses" }).getByText("No saved addresses.").waitFor();
    await page.getByRole("region", { name: "Orders" }).getByText("No orders yet.").waitFor();
    await page.screenshot({ path: screenshotPath("admin-customer-page"), fullPage: true });
  });

  it("gives the colleague the Fulfilment role, and signed in as them the console offers orders but no catalog", async () => {
    const { page } = journey;
    await page.goto(`/admin/customers?q=${encodeURIComponent(colleague.email)}`);
    await page.getByRole("link", { name: colleague.name }).click();
    await page.getByRole("heading", { name: colleague.name }).waitFor();
    const form = page.getByRole("form", { name: "Staff role" });
    expect(await form.getByTestId("staff-role").innerText()).toBe("None (shopper)");
    await form.getByLabel("Staff role").selectOption("fulfilment");
    await form.getByRole("button", { name: "Assign role" }).click();
    await form.getByText("Role set to Fulfilment.").waitFor();
    await form.getByTestId("staff-role").getByText("Fulfilment").waitFor();
    // The per-user editor below shows the role's one permission ticked, ready for exceptions.
    expect(await page.getByRole("form", { name: "Access" }).getByRole("checkbox", { name: "Run orders (and see sales)" }).isChecked()).toBe(true);
    expect(await page.getByRole("form", { name: "Access" }).getByRole("checkbox", { name: "Edit the catalog and stock" }).isChecked()).toBe(false);

    await page.context().clearCookies();
    await page.goto("/admin");
    await page.waitForURL(/\/sign-in\?next=/);
    await page.getByLabel("Email").fill(colleague.email);
    await page.getByLabel("Password").fill(journeyPassword);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/admin\/dashboard/);
    const nav = page.getByRole("navigation", { name: "Admin sections" });
    await nav.getByRole("link", { name: "Orders" }).waitFor();
    for (const hidden of ["Products", "Categories", "Stock", "Customers", "Coupons"]) expect(await nav.getByRole("link", { name: hidden }).count(), hidden).toBe(0);
    await page.goto("/admin/products");
    await page.getByRole("alert").getByText("catalog.manage").waitFor();
    await page.screenshot({ path: screenshotPath("admin-fulfilment-console"), fullPage: true });
  });

  it("makes the colleague Support: they find the customer and open their page, without the access and role forms", async () => {
    const { page } = journey;
    await page.context().clearCookies();
    await signInAsAdmin(page, `/admin/customers?q=${encodeURIComponent(colleague.email)}`);
    await page.getByRole("link", { name: colleague.name }).click();
    const form = page.getByRole("form", { name: "Staff role" });
    await form.getByLabel("Staff role").selectOption("support");
    await form.getByRole("button", { name: "Assign role" }).click();
    await form.getByText("Role set to Support.").waitFor();

    await page.context().clearCookies();
    await page.goto(`/admin/customers?q=${encodeURIComponent(customer.email)}`);
    await page.waitForURL(/\/sign-in\?next=/);
    await page.getByLabel("Email").fill(colleague.email);
    await page.getByLabel("Password").fill(journeyPassword);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("navigation", { name: "Admin sections" }).getByRole("link", { name: "Customers" }).waitFor();
    await page.getByRole("link", { name: customer.name }).click();
    await page.getByRole("heading", { name: customer.name }).waitFor();
    await page.getByRole("region", { name: "Addresses" }).waitFor();
    await page.getByRole("region", { name: "Wallet" }).waitFor();
    expect(await page.getByRole("form", { name: "Staff role" }).count()).toBe(0);
    expect(await page.getByRole("form", { name: "Access" }).count()).toBe(0);
  });
});
