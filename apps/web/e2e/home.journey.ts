import { describe, expect, it } from "vitest";
import { noBrowser, screenshotPath, useJourney } from "./journey";

describe.skipIf(noBrowser)("a visitor opens the shop", () => {
  const journey = useJourney();

  it("shows the home page with the database engine, drawn on the server from the API's answer", async () => {
    const { page } = journey;
    await page.goto("/");
    await page.getByTestId("engine").waitFor();
    expect(await page.getByTestId("engine").textContent()).toBe("SQLite (embedded)");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toContain("Everyday essentials");
    await page.screenshot({ path: screenshotPath("home"), fullPage: true });
  });

  it("answers a deep link with the app, not a 404, which asks the API over tRPC itself", async () => {
    // Not a public page: the browser draws it, and fetches what the server would otherwise have sent along.
    const trpcCall = journey.page.waitForResponse((response) => response.url().includes("/trpc/system.info"));
    const response = await journey.page.goto("/some/client/route");
    expect(response?.status()).toBe(200);
    expect((await trpcCall).status()).toBe(200);
    expect(await journey.page.getByTestId("engine").textContent()).toBe("SQLite (embedded)");
  });
});
