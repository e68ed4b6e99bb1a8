import { describe, expect, it } from "vitest";
import { noBrowser, screenshotPath, useJourney } from "./journey";
import { linkInMail } from "./mail";
import { journeyPassword, register } from "./shop-steps";

/** The reset link in the newest email to `to`. */
const resetLinkFor = (to: string) => linkInMail(to, /https?:\/\/[^\s"<>]*\/reset-password\?token=[A-Za-z0-9._~-]+/);

describe.skipIf(noBrowser)("a shopper who forgot their password resets it from the emailed link", () => {
  const journey = useJourney();
  const email = `forgetful-${Date.now()}@example.test`;
  const newPassword = "a brand new passphrase";

  it("asks for a link, opens it from the email, chooses a new password and signs in with it", async () => {
    const { page } = journey;
    await register(page, "Forgetful Shopper", email);
    await page.getByRole("button", { name: "Sign out" }).click();

    await page.goto("/sign-in");
    await page.getByRole("link", { name: "Forgot your password?" }).click();
    // The sign-in form has an Email field too: type only once the reset page has replaced it.
    await page.getByRole("heading", { name: "Reset your password" }).waitFor();
    await page.getByLabel("Email").fill(email);
    await page.getByRole("button", { name: "Email me a reset link" }).click();
    await page.getByText("we have emailed it a link").waitFor();
    await page.screenshot({ path: screenshotPath("6-reset-requested"), fullPage: true });

    const link = new URL(await resetLinkFor(email));
    await page.goto(link.pathname + link.search);
    await page.getByLabel("New password (at least 10 characters)").fill(newPassword);
    await page.screenshot({ path: screenshotPath("6-reset-form"), fullPage: true });
    await page.getByRole("button", { name: "Save new password" }).click();
    await page.getByText("Your password is changed.").waitFor();

    await page.getByRole("link", { name: "Sign in with it" }).click();
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(journeyPassword);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByText("Email or password is incorrect").waitFor();
    await page.getByLabel("Password").fill(newPassword);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByTestId("account-link").waitFor();
    expect(await page.getByTestId("account-link").textContent()).toBe("Forgetful Shopper");
  });
});
