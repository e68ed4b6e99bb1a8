import { describe, expect, it } from "vitest";
import { nextPage, withNext } from "./next-page";

const after = (next: string) => nextPage(new URLSearchParams({ next }), "/");

describe("where sign-in and sign-up go next", () => {
  it("returns to a page on this site, with its query", () => {
    expect(after("/checkout")).toBe("/checkout");
    expect(after("/cart")).toBe("/cart");
    expect(after("/search?q=rice&min=100")).toBe("/search?q=rice&min=100");
    expect(nextPage(new URLSearchParams(), "/")).toBe("/");
  });

  it("refuses anything that could leave the site", () => {
    for (const next of ["https://evil.example/", "//evil.example/x", "/\\evil.example", "/\\/evil.example", "javascript:alert(1)", "checkout", "/a\u0000b", "/a\\b", " /checkout"]) {
      expect(after(next), next).toBe("/");
    }
  });

  it("does not send the shopper back to an auth page", () => {
    expect(after("/sign-in")).toBe("/");
    expect(after("/register?next=/cart")).toBe("/");
  });

  it("builds auth links that come back here", () => {
    expect(withNext("/sign-in", "/checkout")).toBe("/sign-in?next=%2Fcheckout");
    expect(withNext("/sign-in", "/search?q=rice")).toBe("/sign-in?next=%2Fsearch%3Fq%3Drice");
    expect(withNext("/sign-in", "/sign-in")).toBe("/sign-in");
    expect(withNext("/sign-in", "/")).toBe("/sign-in");
  });
});
