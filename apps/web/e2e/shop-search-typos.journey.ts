import { describe, expect, it } from "vitest";
import { noBrowser, screenshotPath, useJourney } from "./journey";

describe.skipIf(noBrowser)("a shopper searches with a typo (ADR 145)", () => {
  const journey = useJourney();

  it("typing “basmti” finds basmati rice and says it searched “basmati”", async () => {
    const { page } = journey;
    await page.goto("/search");
    await page.getByLabel("Search products").fill("basmti");
    const notice = page.getByTestId("search-suggestion");
    await notice.waitFor();
    expect(await notice.textContent()).toBe("No products match “basmti”. Showing results for basmati.");
    expect(new URL(page.url()).searchParams.get("q")).toBe("basmti");
    const products = page.getByRole("list", { name: "Products" });
    await products.getByRole("link", { name: /Basmati Rice/ }).first().waitFor();
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Results for “basmati”");
    await page.screenshot({ path: screenshotPath("search-typo"), fullPage: true });
  });

  it("a word found only a few times offers “Did you mean”, and the link searches it", async () => {
    const { page } = journey;
    await page.goto("/search?q=tee");
    const link = page.getByTestId("search-suggestion").getByRole("link", { name: "tea" });
    await link.waitFor();
    expect(await page.getByTestId("search-suggestion").textContent()).toBe("Did you mean tea?");
    await link.click();
    await page.waitForURL((url) => url.searchParams.get("q") === "tea");
    await page.getByRole("list", { name: "Products" }).getByRole("link", { name: /Assam Tea/ }).first().waitFor();
    // the corrected word is known: no further suggestion
    await page.getByTestId("result-count").filter({ hasText: /^Showing \d+ products?$/ }).waitFor();
    expect(await page.getByTestId("search-suggestion").count()).toBe(0);
  });
});
