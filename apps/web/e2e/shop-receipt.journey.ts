import { describe, expect, it } from "vitest";
import { noBrowser, screenshotPath, useJourney } from "./journey";
import { fromMail } from "./mail";
import { addToCart, choosePayment, openCheckout, orderIdOf, register } from "./shop-steps";

/** The email whose subject names `orderNumber` and `subject`, parsed (text and HTML parts), once it exists. */
const emailAbout = (orderNumber: string, subject: string) =>
  fromMail((mail) => (mail.subject?.includes(orderNumber) && mail.subject.includes(subject) ? mail : undefined));

/** "₹1,951.95" or "− ₹200.00" as signed paise. */
function paise(amount: string): number {
  const minor = Math.round(Number(amount.replace(/[^\d.]/g, "")) * 100);
  return amount.trim().startsWith("−") ? -minor : minor;
}

describe.skipIf(noBrowser)("a discounted order's receipt adds up wherever it is shown", () => {
  const journey = useJourney();

  it("the order page and the confirmation email list lines at list price, the discount once, delivery, and rows that sum to the total", async () => {
    const { page } = journey;
    await register(page, "Receipt Reader", `receipt-${Date.now()}@example.test`);
    // Named in full: the demo sells Steel and Copper-Finish ranges of both, at different prices.
    await addToCart(page, "storage jars", "Steel Storage Jars");
    await addToCart(page, "chai glasses", "Steel Chai Glasses");
    await page.goto("/cart");
    await page.getByLabel("Coupon code").fill("WELCOME10");
    await page.getByRole("button", { name: "Apply" }).click();
    await page.getByText("Discount (WELCOME10)").waitFor();
    await openCheckout(page);
    await choosePayment(page, "Cash on delivery");
    await page.getByRole("button", { name: /^Place order/ }).click();
    await page.getByText("Thank you! Your order is confirmed.").waitFor();
    expect(orderIdOf(page)).toBeTruthy();

    // The page: each row's amount as shown, read back from its text.
    const shown = await page.getByTestId("receipt-amount").allTextContents();
    const total = paise((await page.getByTestId("receipt-total").textContent()) ?? "");
    const rows = shown.map((text) => (text === "Free" ? 0 : paise(text)));
    expect(rows.some((minor) => minor < 0)).toBe(true);
    expect(rows.reduce((sum, minor) => sum + minor, 0)).toBe(total);
    const labels = await page.getByTestId("receipt-row").allTextContents();
    expect(labels.filter((label) => label.includes("Discount (WELCOME10)"))).toHaveLength(1);
    // Lines at list price × quantity: ₹599.00 and ₹299.00, not their discounted shares.
    expect(labels.some((label) => label.includes("Storage Jars") && label.includes("₹599.00"))).toBe(true);
    const orderNumber = (await page.getByTestId("order-number").textContent()) ?? "";
    expect(orderNumber).toMatch(/^BB-\d+$/);
    await page.screenshot({ path: screenshotPath("receipt-order-page"), fullPage: true });

    // The confirmation email: the same rows, the same total, the same order number.
    const email = await emailAbout(orderNumber, "is confirmed");
    const amounts = [...email.text!.matchAll(/^(.+): (−? ?₹[\d,.]+)\s*$/gm)].map((m) => [m[1]!, paise(m[2]!)] as const);
    const emailTotal = amounts.find(([label]) => label === "Total")?.[1];
    const emailRows = amounts.filter(([label]) => label !== "Total").map(([, minor]) => minor);
    expect(emailTotal).toBe(total);
    expect(emailRows).toEqual(rows);
    expect(emailRows.reduce((sum, minor) => sum + minor, 0)).toBe(emailTotal);

    // Its HTML part shows the same lines, and its button opens this order's page.
    const html = email.html as string;
    expect(html).toContain("Storage Jars");
    expect(html).toContain("Discount (WELCOME10)");
    const link = /href="([^"]+\/orders\/[^"]+)"/.exec(html)?.[1];
    expect(link).toBeTruthy();
    // The journey server listens on a port chosen at start, so the worker's PUBLIC_URL cannot name it: follow the link's path.
    await page.goto(new URL(link!).pathname);
    await expect.poll(() => page.getByTestId("order-number").textContent()).toBe(orderNumber);
  });
});
