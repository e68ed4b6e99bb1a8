import { readFile } from "node:fs/promises";
import { gstinCheckCharacter } from "@bbscart/core";
import type { Page } from "playwright-core";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { describe, expect, inject, it } from "vitest";
import { creditWallet } from "./api-client";
import { noBrowser, screenshotPath, useJourney } from "./journey";
import { addToCart, choosePayment, journeyPassword, orderIdOf, register, saveNewAddress, signInAsAdmin } from "./shop-steps";

/** A Karnataka GSTIN (state code 29) whose 15th character is the check character core computes. */
const first14 = "29AAGCB7383J1Z";
const storeGstin = `${first14}${gstinCheckCharacter(first14)}`;

/** The text of every page of a PDF, as pdf.js reads it (what a search or a copy-paste sees). */
async function pdfText(bytes: Buffer): Promise<string> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let number = 1; number <= pdf.numPages; number++) {
    const content = await (await pdf.getPage(number)).getTextContent();
    pages.push(content.items.map((item) => ("str" in item ? item.str : "")).join(" "));
  }
  await pdf.destroy();
  return pages.join("\n");
}

/** Clicks a download button on the page and returns the file the browser saved. */
async function downloadFrom(page: Page, button: string, name: string): Promise<{ filename: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("tax-documents").getByRole("button", { name: button }).first().click()]);
  const saved = screenshotPath(name).replace(/\.png$/, ".pdf");
  await download.saveAs(saved);
  return { filename: download.suggestedFilename(), bytes: await readFile(saved) };
}

describe.skipIf(noBrowser)("GST: the store registers its GSTIN, a shopper in Maharashtra gets an IGST invoice, a partial refund gets a credit note", () => {
  const journey = useJourney();
  const email = `gst-${Date.now()}@example.test`;
  let orderId = "";
  let invoiceNumber = "";

  it("sets the store's Karnataka GSTIN in the admin settings", async () => {
    const { page } = journey;
    await signInAsAdmin(page, "/admin/settings");
    await page.waitForURL(/\/admin\/settings/);
    const form = page.getByRole("form", { name: "Tax (GST)" });
    await form.getByLabel("Legal name").fill("BBSCART Retail Private Limited");
    await form.getByLabel("GSTIN").fill(storeGstin);
    await form.getByLabel("State of registration").selectOption("KA");
    await form.getByLabel("Registered address (one line each)").fill("1 Residency Road\nBengaluru 560025");
    await form.getByRole("button", { name: "Save tax settings" }).click();
    await form.getByText("Tax settings saved.").waitFor();
    await form.getByText(/Registered: orders get tax invoices/).waitFor();
    await page.screenshot({ path: screenshotPath("gst-1-settings"), fullPage: true });
    await page.context().clearCookies();
  });

  it("buys as a shopper delivering to Pune, Maharashtra, and downloads a tax invoice that charges IGST", async () => {
    const { page } = journey;
    await page.goto("/");
    await page.reload();
    await register(page, "Asha Journey", email);
    await creditWallet(journey.baseUrl, inject("demoAdmin"), email, 1_000_000);
    await addToCart(page, "basmati", "Basmati");
    await page.goto("/checkout");
    await page.getByRole("heading", { name: "1. Delivery address" }).waitFor();
    await saveNewAddress(page, "411004", { line1: "5 FC Road", city: "Pune", state: "Maharashtra" });
    await page.getByRole("radio", { name: /Asha Journey/ }).waitFor();
    await choosePayment(page, "BBSCART wallet");
    await page.getByRole("button", { name: /^Place order/ }).click();
    await page.getByText("Thank you! Your order is confirmed.").waitFor();
    orderId = orderIdOf(page);

    const documents = page.getByTestId("tax-documents");
    await documents.getByRole("button", { name: "Download invoice" }).waitFor();
    invoiceNumber = ((await documents.locator(".font-mono").first().textContent()) ?? "").trim();
    expect(invoiceNumber).toMatch(/^INV\/\d{2}-\d{2}\/\d{6}$/);
    const invoice = await downloadFrom(page, "Download invoice", "gst-invoice");
    expect(invoice.filename).toBe(`${invoiceNumber.replaceAll("/", "-")}.pdf`);
    expect(invoice.bytes.subarray(0, 5).toString()).toBe("%PDF-");
    const text = await pdfText(invoice.bytes);
    expect(text).toContain("Tax Invoice");
    expect(text).toContain(invoiceNumber);
    expect(text).toContain(`GSTIN: ${storeGstin}`);
    expect(text).toContain("Maharashtra (27)");
    expect(text).toContain("IGST");
    expect(text).not.toContain("CGST");
    await page.screenshot({ path: screenshotPath("gst-2-order"), fullPage: true });
    await page.context().clearCookies();
  });

  it("refunds part of the order in the console, which lists the credit note against the invoice", async () => {
    const { page } = journey;
    await signInAsAdmin(page, `/admin/orders/${orderId}`);
    await page.waitForURL(new RegExp(`/admin/orders/${orderId}`));
    const refund = page.getByRole("form", { name: "Refund" });
    await refund.getByLabel(/^Amount/).fill("10.00");
    await refund.getByLabel("Reason").fill("One packet arrived torn");
    await refund.getByRole("button", { name: "Review refund…" }).click();
    await page.getByRole("dialog", { name: "Confirm refund" }).getByRole("button", { name: "Refund" }).click();
    await refund.getByText(/Refunded ₹10\.00/).waitFor();
    await page.reload();
    const documents = page.getByTestId("tax-documents");
    await documents.getByRole("button", { name: "Download credit note" }).waitFor();
    const note = await downloadFrom(page, "Download credit note", "gst-credit-note-admin");
    const text = await pdfText(note.bytes);
    expect(text).toContain(invoiceNumber);
    expect(text).toContain("₹10.00");
    await page.screenshot({ path: screenshotPath("gst-3-refund"), fullPage: true });
    await page.context().clearCookies();
  });

  it("shows the shopper the credit note on their order page, for them to download", async () => {
    const { page } = journey;
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(journeyPassword);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
    await page.goto(`/orders/${orderId}`);
    const documents = page.getByTestId("tax-documents");
    await documents.getByRole("button", { name: "Download credit note" }).waitFor();
    expect(await documents.getByRole("listitem").count()).toBe(2);
    const note = await downloadFrom(page, "Download credit note", "gst-credit-note-shopper");
    expect(note.bytes.subarray(0, 5).toString()).toBe("%PDF-");
    const text = await pdfText(note.bytes);
    expect(text).toContain("Credit Note");
    expect(text).toContain("IGST");
    await page.screenshot({ path: screenshotPath("gst-4-credit-note"), fullPage: true });
  });
});
