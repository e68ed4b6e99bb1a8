import { describe, expect, it } from "vitest";
import { noBrowser, screenshotPath, useJourney } from "./journey";

describe.skipIf(noBrowser)("a visitor opens the shop", () => {
  const journey = useJourney();

  it("shows the home page with the database engine fetched from the API over tRPC", async () => {
    const { page } = journey;
    const trpcCall = page.waitForResponse((response) => response.url().includes("/trpc/system.info"));
    await page.goto("/");
    expect((await trpcCall).status()).toBe(200);

    await page.getByTestId("engine").waitFor();
    expect(await page.getByTestId("engine").textContent()).toBe("SQLite (embedded)");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toContain("Everyday essentials");
    await page.screenshot({ path: screenshotPath("home"), fullPage: true });
  });

  it("answers a deep link with the app, not a 404, so client-side routes can be shared", async () => {
    const response = await journey.page.goto("/some/client/route");
    expect(response?.status()).toBe(200);
    await journey.page.getByTestId("engine").waitFor();
  });
});
