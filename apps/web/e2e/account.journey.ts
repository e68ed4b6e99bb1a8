import { describe, expect, it } from "vitest";
import { noBrowser, screenshotPath, useJourney } from "./journey";

describe.skipIf(noBrowser)("a shopper creates an account, signs out and back in", () => {
  const journey = useJourney();
  const email = `journey-${Date.now()}@example.test`;
  const password = "a journey passphrase";

  it("shows the form's validation beside the fields before anything is sent", async () => {
    const { page } = journey;
    await page.goto("/register");
    await page.getByLabel("Full name").fill("Journey Shopper");
    await page.getByLabel("Email").fill("not-an-email");
    await page.getByLabel("Password (at least 10 characters)").fill("short");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect.poll(() => page.getByRole("alert").allTextContents()).toEqual(
      expect.arrayContaining(["Email must be a valid email address", "Password must be at least 10 characters"]),
    );
  });

  it("registers and lands on the account page, signed in", async () => {
    const { page } = journey;
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password (at least 10 characters)").fill(password);
    await page.getByRole("button", { name: "Create account" }).click();
    await page.getByTestId("account-email").waitFor();
    expect(await page.getByTestId("account-email").textContent()).toBe(email);
    expect(await page.evaluate(() => JSON.stringify(localStorage) + document.cookie)).not.toMatch(/eyJ|bbs_refresh/);
  });

  it("stays signed in across a reload through the refresh cookie", async () => {
    const { page } = journey;
    await page.reload();
    await page.getByTestId("account-email").waitFor();
    expect(await page.getByTestId("account-link").textContent()).toBe("Journey Shopper");
    await page.screenshot({ path: screenshotPath("account"), fullPage: true });
  });

  it("signs out, is refused with a wrong password, and signs back in", async () => {
    const { page } = journey;
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByRole("link", { name: "Sign in" }).click();
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("not my password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByText("Email or password is incorrect").waitFor();

    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByTestId("account-link").waitFor();
    expect(await page.getByTestId("account-link").textContent()).toBe("Journey Shopper");
  });
});
