import { describe, expect, it } from "vitest";
import { listInput, paramsFromQuery, queryFromParams } from "./catalog-query";

describe("the catalog query in the URL", () => {
  it("round-trips through the URL, leaving defaults out", () => {
    const query = { q: "basmati", category: "staples", min: 50, max: 500, inStock: true, sort: "price_asc" as const };
    const params = paramsFromQuery(query);
    expect(params.toString()).toBe("q=basmati&category=staples&min=50&max=500&inStock=1&sort=price_asc");
    expect(queryFromParams(params)).toEqual(query);
    expect(paramsFromQuery(queryFromParams(new URLSearchParams())).toString()).toBe("");
  });

  it("ignores what a hand-edited link gets wrong instead of sending it to the API", () => {
    expect(queryFromParams(new URLSearchParams("min=-3&max=abc&sort=cheapest&inStock=yes"))).toEqual({
      q: "",
      category: null,
      min: null,
      max: null,
      inStock: false,
      sort: "relevance",
    });
  });

  it("asks the API in minor units of the store's currency, with the category's id", () => {
    const input = listInput(queryFromParams(new URLSearchParams("q=%20tea%20&min=100&max=250")), { currency: "INR", categoryId: "cat_beverages" });
    expect(input).toMatchObject({ search: "tea", categoryId: "cat_beverages", minPrice: 10_000, maxPrice: 25_000, inStock: null, sort: "relevance" });
  });
});
