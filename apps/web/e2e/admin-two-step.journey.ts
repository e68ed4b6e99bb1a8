import { createHmac } from "node:crypto";
import { describe, expect, inject, it } from "vitest";
import { signInOverHttp } from "./api-client";
import { noBrowser, screenshotPath, useJourney } from "./journey";

/**
 * RFC 6238 as an authenticator app computes it (HMAC-SHA-1, 30 s steps, 6 digits), written out here
 * rather than taken from the API's library, so the journey checks the page against the standard.
 */
function authenticatorCode(base32Secret: string, at: number): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  let bits = "";
  for (const char of base32Secret.replace(/=+$/, "").toUpperCase()) bits += alphabet.indexOf(char).toString(2).padStart(5, "0");
  const key = Buffer.from(bits.match(/.{8}/g)!.map((byte) => parseInt(byte, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 1000 / 30)));
  const digest = createHmac("sha1", key).update(counter).digest();
  const offset = digest[digest.length - 1]! & 0x0f;
  return String((digest.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, "0");
}

describe.skipIf(noBrowser)("an admin turns on two-step sign-in, then signs in with a code and with a recovery code", () => {
  const journey = useJourney();
  const email = `two-step-admin-${Date.now()}@example.test`;
  const password = "a two-step journey passphrase";
  let secret = "";
  let recoveryCodes: string[] = [];

  const signInWithPassword = async () => {
    const { page } = journey;
    await page.goto("/sign-in?next=%2Fadmin%2Fsecurity");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
  };
  const signOut = async () => {
    const { page } = journey;
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL((url) => url.pathname === "/");
  };

  it("enrols on My security: scans nothing, types the key's code, and is shown ten recovery codes once", async () => {
    const { page, baseUrl } = journey;
    // An admin colleague the demo admin created; the seeded admins stay unenrolled for the other journeys.
    const registered = await fetch(`${baseUrl}/trpc/auth.register`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: baseUrl },
      body: JSON.stringify({ json: { email, password, name: "Two-Step Admin" } }),
    });
    const { account } = ((await registered.json()) as { result: { data: { json: { account: { id: string } } } } }).result.data.json;
    const demo = await signInOverHttp(baseUrl, inject("demoAdmin"));
    await demo.mutate("admin.users.update", { userId: account.id, role: "admin", permissions: ["users.manage", "operations.view"] });

    await signInWithPassword();
    await page.waitForURL(/\/admin\/security/);
    await page.getByRole("button", { name: "Set up an authenticator app" }).click();
    await page.getByTestId("totp-qr").waitFor();
    expect(await page.getByTestId("totp-qr").getAttribute("src")).toMatch(/^data:image\/svg\+xml/);
    secret = ((await page.getByTestId("totp-secret").textContent()) ?? "").trim();
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    const code = page.getByLabel("Code");
    expect(await code.getAttribute("autocomplete")).toBe("one-time-code");
    await code.fill(authenticatorCode(secret, Date.now()));
    await page.getByRole("button", { name: "Turn on" }).click();
    await page.getByTestId("recovery-codes").waitFor();
    recoveryCodes = await page.getByTestId("recovery-codes").getByRole("listitem").allTextContents();
    expect(recoveryCodes).toHaveLength(10);
    await page.screenshot({ path: screenshotPath("admin-two-step-recovery-codes"), fullPage: true });
    await page.getByRole("button", { name: "I have saved them" }).click();
    await page.getByTestId("totp-on").waitFor();
    expect(await page.getByTestId("recovery-codes-left").textContent()).toContain("10 recovery codes left");
  });

  it("signs out, and the password alone no longer opens the console: the code does", async () => {
    const { page } = journey;
    await signOut();
    await signInWithPassword();
    await page.getByRole("heading", { name: "Enter your code" }).waitFor();
    expect(page.url()).toContain("/sign-in");
    await page.getByLabel("Code").fill("000000");
    await page.getByRole("button", { name: "Continue" }).click();
    await expect.poll(() => page.getByRole("alert").allTextContents()).toEqual([expect.stringContaining("not valid or was used already")]);
    // The enrolment spent this step's code; the app's next code is accepted (one step of drift is).
    await page.getByLabel("Code").fill(authenticatorCode(secret, Date.now() + 30_000));
    await page.getByRole("button", { name: "Continue" }).click();
    await page.waitForURL(/\/admin\/security/);
    await page.getByTestId("totp-on").waitFor();
  });

  it("signs out and back in with a recovery code, which is then used up", async () => {
    const { page } = journey;
    await signOut();
    await signInWithPassword();
    await page.getByRole("button", { name: "Lost your phone? Use a recovery code" }).click();
    await page.getByLabel("Recovery code").fill(recoveryCodes[0]!);
    await page.screenshot({ path: screenshotPath("admin-two-step-recovery-sign-in"), fullPage: true });
    await page.getByRole("button", { name: "Continue" }).click();
    await page.waitForURL(/\/admin\/security/);
    await page.getByTestId("recovery-codes-left").getByText("9 recovery codes left").waitFor();
  });
});
