import { describe, expect, it } from "vitest";
import { noBrowser, screenshotPath, useJourney } from "./journey";
import { signInAsAdmin } from "./shop-steps";

describe.skipIf(noBrowser)("an admin builds a category tree, moves a category, and archives and restores a product", () => {
  const journey = useJourney({ viewport: { width: 1280, height: 900 } });
  const suffix = Date.now().toString(36);
  const names = { top: `Journey Home ${suffix}`, kitchen: `Journey Kitchen ${suffix}`, bath: `Journey Bath ${suffix}` };

  it("signs in and creates a parent with two children, which appear in the tree in order", async () => {
    const { page } = journey;
    await signInAsAdmin(page, "/admin/categories");
    await page.getByRole("heading", { name: "Categories", level: 1 }).waitFor();

    const create = async (name: string, parent: string | null) => {
      const form = page.getByRole("form", { name: "New category" });
      await form.getByLabel("Name").fill(name);
      if (parent) await form.getByLabel("Parent").selectOption({ label: parent });
      await form.getByRole("button", { name: "Create category" }).click();
      await page.getByRole("status").getByText(`Created ${name}.`).waitFor();
    };
    await create(names.top, null);
    await create(names.kitchen, names.top);
    await create(names.bath, names.top);
    const children = page.getByRole("treeitem", { name: new RegExp(names.top) }).getByRole("group").getByRole("treeitem");
    await expect.poll(() => children.allInnerTexts()).toEqual([expect.stringContaining(names.kitchen), expect.stringContaining(names.bath)]);
  });

  it("reorders the children, gives one a description, then moves it to the top level; a move under its own child is not offered", async () => {
    const { page } = journey;
    await page.getByRole("button", { name: `Move ${names.bath} up` }).click();
    await page.getByRole("status").getByText(`Moved ${names.bath} up.`).waitFor();
    const children = page.getByRole("treeitem", { name: new RegExp(names.top) }).getByRole("group").getByRole("treeitem");
    await expect.poll(() => children.allInnerTexts()).toEqual([expect.stringContaining(names.bath), expect.stringContaining(names.kitchen)]);

    await page.getByRole("button", { name: names.top, exact: true }).click();
    const move = page.getByRole("form", { name: "Move category" });
    const offered = await move.getByLabel("Parent").locator("option").allInnerTexts();
    expect(offered.some((label) => label.includes(names.kitchen))).toBe(false);

    await page.getByRole("button", { name: names.kitchen, exact: true }).click();
    const edit = page.getByRole("form", { name: "Edit category" });
    await edit.getByLabel(/^Description/).fill("Pots, pans and everything for the stove.");
    await edit.getByRole("button", { name: "Save" }).click();
    await page.getByRole("status").getByText(`Saved ${names.kitchen}.`).waitFor();
    await page.getByRole("form", { name: "Move category" }).getByLabel("Parent").selectOption({ label: "Top level" });
    await page.getByRole("form", { name: "Move category" }).getByRole("button", { name: "Move" }).click();
    await page.getByRole("status").getByText(`Moved ${names.kitchen}.`).waitFor();
    await expect.poll(() => children.allInnerTexts()).toEqual([expect.stringContaining(names.bath)]);
    await page.screenshot({ path: screenshotPath("admin-categories"), fullPage: true });

    const shop = await (await fetch(`${journey.baseUrl}/api/v1/categories`)).json() as { name: string; parentId: string | null; description: string }[];
    expect(shop.find((c) => c.name === names.kitchen)).toMatchObject({ parentId: null, description: "Pots, pans and everything for the stove." });
  });

  it("archives a product from the list, finds it under Archived, and restores it", async () => {
    const { page } = journey;
    await page.getByRole("navigation", { name: "Admin sections" }).getByRole("link", { name: "Products" }).click();
    await page.getByLabel("Status").selectOption("active");
    await page.waitForURL(/status=active/);
    const table = page.getByRole("table", { name: "Products" });
    const firstRow = table.getByRole("row").nth(1);
    const name = (await firstRow.getByRole("link").innerText()).trim();
    await firstRow.getByRole("button", { name: `Archive ${name}` }).click();
    await page.getByRole("status").getByText(`Archived ${name}.`).waitFor();

    await page.getByLabel("Status").selectOption("archived");
    await page.waitForURL(/status=archived/);
    const archivedRow = table.getByRole("row", { name: new RegExp(name) });
    await archivedRow.getByText("Archived", { exact: true }).waitFor();
    await archivedRow.getByRole("button", { name: `Restore ${name}` }).click();
    await page.getByRole("status").getByText(`Restored ${name}.`).waitFor();
    await page.getByLabel("Status").selectOption("active");
    await table.getByRole("row", { name: new RegExp(name) }).getByText("On sale").waitFor();
    await page.screenshot({ path: screenshotPath("admin-products-archive"), fullPage: true });
  });

  it("selects every product on the page for a bulk action, drops one, and clears the selection", async () => {
    const { page } = journey;
    const table = page.getByRole("table", { name: "Products" });
    const rows = await table.getByRole("row").count();
    await table.getByLabel("Select every product on this page").check();
    await page.getByRole("heading", { name: `Bulk action on ${rows - 1} products` }).waitFor();
    const firstRow = table.getByRole("row").nth(1);
    const name = (await firstRow.getByRole("link").innerText()).trim();
    await firstRow.getByLabel(`Select ${name}`).uncheck();
    await page.getByRole("heading", { name: `Bulk action on ${rows - 2} products` }).waitFor();
    expect(await table.getByLabel("Select every product on this page").isChecked()).toBe(false);
    await table.getByLabel("Select every product on this page").check();
    await table.getByLabel("Select every product on this page").uncheck();
    await page.getByRole("form", { name: "Bulk action" }).waitFor({ state: "detached" });
  });
});
