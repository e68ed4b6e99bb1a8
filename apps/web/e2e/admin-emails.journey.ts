import { describe, expect, it } from "vitest";
import { noBrowser, screenshotPath, useJourney } from "./journey";
import { signInAsAdmin } from "./shop-steps";

describe.skipIf(noBrowser)("an admin previews the shop's emails before shoppers get them", () => {
  const journey = useJourney();

  it("shows each message rendered with a sample order: the HTML with its lines and button, the plain text and the SMS", async () => {
    const { page } = journey;
    await signInAsAdmin(page, "/admin/emails");
    await page.waitForURL(/\/admin\/emails/);
    await page.getByLabel("Message").selectOption({ label: "Order shipped" });
    await expect.poll(() => page.getByTestId("email-subject").textContent()).toBe("Your order BB-10423 is on its way");
    const frame = page.frameLocator("iframe[title='Order shipped email preview']");
    await frame.getByText("Basmati Rice — 1 kg").waitFor();
    await frame.getByRole("link", { name: "Track your parcel" }).waitFor();
    expect(await page.getByTestId("email-text").textContent()).toContain("Track your parcel: https://www.delhivery.com/track/package/DL123456789IN");
    await page.screenshot({ path: screenshotPath("admin-email-preview"), fullPage: true });
  });
});
