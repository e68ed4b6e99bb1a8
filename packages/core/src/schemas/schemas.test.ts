import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defaultStoreSettings } from "../settings/settings.js";
import { characters } from "./fields.js";
import {
  adminUserUpdateInput,
  addressInput,
  cartAddInput,
  cartCouponInput,
  cartUpdateInput,
  catalogListInput,
  changePasswordInput,
  completeSignInInput,
  couponCreateInput,
  couponUpdateInput,
  loginInput,
  orderListInput,
  orderBulkFulfilInput,
  orderTransitionInput,
  placeOrderInput,
  productCreateInput,
  productUpdateInput,
  refundInput,
  registerInput,
  resetPasswordInput,
  stockAdjustmentInput,
  storeSettingsInput,
  variantUpdateInput,
  walletAdjustmentInput,
  walletTopUpInput,
} from "./index.js";

/** The messages of a failed parse, so tests check that they name the field. */
function messages(schema: { safeParse(v: unknown): { success: boolean; error?: { issues: { message: string }[] } } }, value: unknown): string[] {
  const result = schema.safeParse(value);
  expect(result.success).toBe(false);
  return result.error?.issues.map((i) => i.message) ?? [];
}

const address = { name: "Asha", phone: "+91 98000 00001", line1: "12 MG Road", city: "Bengaluru", state: "KA", postalCode: "560001" };

describe("account schemas", () => {
  it("normalize email and name the field on errors", () => {
    expect(registerInput.parse({ email: " Asha@Example.com", password: "correct horse", name: "Asha" })).toEqual({
      email: "asha@example.com",
      password: "correct horse",
      name: "Asha",
      phone: null,
    });
    expect(messages(registerInput, { email: "nope", password: "short", name: "" })).toEqual([
      "Email must be a valid email address",
      "Password must be at least 10 characters",
      "Full name is required",
    ]);
    expect(messages(loginInput, { email: "a@b.co", password: "" })).toEqual(["Password is required"]);
  });

  it("default the country and turn empty optional text into null", () => {
    expect(addressInput.parse({ ...address, line2: "  " })).toMatchObject({ country: "IN", line2: null, label: null });
  });

  it("take a 6-digit PIN code, a state from the list and a mobile number, stored as code and E.164", () => {
    expect(addressInput.parse({ ...address, state: "karnataka", postalCode: " 560 001", phone: "098000 00001" })).toMatchObject({
      state: "KA",
      postalCode: "560001",
      phone: "+919800000001",
    });
    expect(messages(addressInput, { ...address, postalCode: "5600" })).toEqual(["PIN code must be 6 digits"]);
    expect(messages(addressInput, { ...address, postalCode: "056001" })).toEqual(["PIN code must be 6 digits"]);
    expect(messages(addressInput, { ...address, phone: "12345" })).toEqual(["Enter a 10-digit mobile number"]);
    expect(messages(addressInput, { ...address, state: "Atlantis" })).toEqual(["Pick a state or union territory from the list"]);
  });

  it("require a new password that differs, and a real reset token", () => {
    expect(messages(changePasswordInput, { currentPassword: "same password", newPassword: "same password" })).toEqual([
      "New password must differ from the current password",
    ]);
    expect(resetPasswordInput.safeParse({ token: "x".repeat(32), newPassword: "a long passphrase" }).success).toBe(true);
    expect(messages(adminUserUpdateInput, { userId: "u1", permissions: ["root"] })).toEqual(["Permissions must be known admin permissions"]);
  });
});

describe("two-step sign-in schemas", () => {
  const challenge = "c".repeat(40);
  it("take exactly one of a 6-digit code and a recovery code, naming the field otherwise", () => {
    expect(completeSignInInput.parse({ challenge, code: " 123456 " })).toEqual({ challenge, code: "123456" });
    expect(completeSignInInput.parse({ challenge, recoveryCode: "ABCDE 12345" })).toEqual({ challenge, recoveryCode: "abcde12345" });
    expect(completeSignInInput.safeParse({ challenge }).error?.issues).toEqual([expect.objectContaining({ path: ["code"], message: "Enter either the code from your app or a recovery code" })]);
    expect(completeSignInInput.safeParse({ challenge, code: "123456", recoveryCode: "abcde-12345" }).success).toBe(false);
    expect(completeSignInInput.safeParse({ challenge, code: "12345" }).error?.issues[0]?.message).toBe("Code must be the 6 digits your authenticator app shows");
    expect(completeSignInInput.safeParse({ challenge, recoveryCode: "not one" }).error?.issues[0]?.path).toEqual(["recoveryCode"]);
  });
});

describe("catalog schemas", () => {
  it("default the listing query and refuse inverted price ranges", () => {
    expect(catalogListInput.parse({})).toEqual({
      search: null,
      categoryId: null,
      minPrice: null,
      maxPrice: null,
      inStock: null,
      sort: "relevance",
      cursor: null,
      limit: 24,
    });
    expect(messages(catalogListInput, { minPrice: 500, maxPrice: 100 })).toEqual(["Min price must not exceed max price"]);
    expect(messages(catalogListInput, { minPrice: 1.5, limit: 500, sort: "random" })).toEqual([
      "Min price must be in whole paise",
      "Sort by must be relevance, newest, price low to high, price high to low or name",
      "Page size must be at most 100",
    ]);
  });

  it("accept products with distinct upper-cased SKUs and integer prices", () => {
    const product = productCreateInput.parse({ name: "Kurta", categoryId: "c1", variants: [{ sku: "kurta-m", priceMinor: 129900 }] });
    expect(product.variants[0]).toEqual({ sku: "KURTA-M", name: "", priceMinor: 129900, stockOnHand: 0, active: true });
    expect(messages(productCreateInput, { name: "K", categoryId: "c1", variants: [] })).toEqual(["Add at least one variant"]);
    expect(
      messages(productCreateInput, { name: "K", categoryId: "c1", variants: [{ sku: "A", priceMinor: 1 }, { sku: "a", priceMinor: 2 }] }),
    ).toEqual(["Each variant needs its own SKU"]);
    expect(messages(variantUpdateInput, { variantId: "v", priceMinor: 99.5 })).toEqual(["Price must be in whole paise"]);
    expect(productUpdateInput.parse({ productId: "p1", active: false })).toEqual({ productId: "p1", active: false });
  });

  it("take alt texts that line up with the images, trimmed, and refuse a mismatch naming imageAlts", () => {
    const base = { name: "Kurta", categoryId: "c1", variants: [{ sku: "k", priceMinor: 1 }] };
    expect(productCreateInput.parse({ ...base, images: ["a.webp", "b.webp"], imageAlts: [" Front ", ""] }).imageAlts).toEqual(["Front", ""]);
    expect(productCreateInput.parse({ ...base, images: ["a.webp"] }).imageAlts).toBeUndefined();
    const mismatch = productCreateInput.safeParse({ ...base, images: ["a.webp"], imageAlts: ["One", "Two"] });
    expect(mismatch.error?.issues).toEqual([expect.objectContaining({ path: ["imageAlts"], message: "Alt texts must have one text for each image" })]);
    expect(productUpdateInput.safeParse({ productId: "p1", images: [], imageAlts: ["x"] }).error?.issues[0]?.path).toEqual(["imageAlts"]);
    expect(productUpdateInput.parse({ productId: "p1", imageAlts: ["x"] })).toEqual({ productId: "p1", imageAlts: ["x"] });
    expect(messages(productUpdateInput, { productId: "p1", imageAlts: ["x".repeat(251)] })).toEqual(["Alt text must be at most 250 characters"]);
  });

  it("require a reason and a non-zero delta for stock adjustments", () => {
    expect(messages(stockAdjustmentInput, { variantId: "v", delta: 0, reason: "" })).toEqual(["Change in stock must not be zero", "Reason must be at least 3 characters"]);
  });
});

describe("cart and checkout schemas", () => {
  it("bound quantities and normalize coupon codes", () => {
    expect(cartAddInput.parse({ variantId: "v1" })).toEqual({ variantId: "v1", quantity: 1 });
    expect(messages(cartUpdateInput, { variantId: "v1", quantity: 100 })).toEqual(["Quantity must be at most 99"]);
    expect(cartCouponInput.parse({ code: " welcome10 " })).toEqual({ code: "WELCOME10" });
  });

  it("take exactly one of addressId or address at checkout", () => {
    const base = { deliveryOptionId: "standard", paymentMethod: "cod", idempotencyKey: "k-12345678" };
    expect(placeOrderInput.safeParse({ ...base, addressId: "a1" }).success).toBe(true);
    expect(placeOrderInput.safeParse({ ...base, address }).success).toBe(true);
    expect(messages(placeOrderInput, base)).toEqual(["Choose a saved address or enter a new one, not both"]);
    expect(messages(placeOrderInput, { ...base, addressId: "a1", paymentMethod: "cheque", idempotencyKey: "x" })).toEqual([
      "Payment method must be wallet, card or cash on delivery",
      "Request key must be 8–100 letters, digits, dashes or underscores",
    ]);
  });
});

describe("order, wallet, coupon and settings schemas", () => {
  it("validate each order action's data", () => {
    expect(orderTransitionInput.parse({ orderId: "o1", event: { type: "ship", carrier: "DTDC", trackingNumber: "D1" } }).event.type).toBe("ship");
    expect(messages(orderTransitionInput, { orderId: "o1", event: { type: "ship", carrier: "DTDC" } })).toEqual(["Tracking number must be text"]);
    expect(messages(orderTransitionInput, { orderId: "o1", event: { type: "confirm" } })).toEqual(["Action must be a known order action"]);
    expect(refundInput.parse({ orderId: "o1", amountMinor: 500, destination: "wallet", reason: "damaged", idempotencyKey: "refund-0001" }).items).toEqual([]);
    expect(messages(refundInput, { orderId: "o1", amountMinor: 0, destination: "bank", reason: "damaged" })).toEqual([
      "Refund amount must be at least ₹0.01",
      "Refund destination must be wallet or card",
      "Request key must be text",
    ]);
  });

  it("take bulk fulfilment only as pack or ship, each order once, at most 50", () => {
    const ship = (orderId: string) => ({ orderId, event: { type: "ship", carrier: "DTDC", trackingNumber: `D-${orderId}` } });
    expect(orderBulkFulfilInput.parse({ items: [ship("o1"), { orderId: "o2", event: { type: "pack" } }] }).items).toHaveLength(2);
    expect(messages(orderBulkFulfilInput, { items: [{ orderId: "o1", event: { type: "cancel", reason: "bulk" } }] })).toEqual(["Action must be pack or ship"]);
    expect(messages(orderBulkFulfilInput, { items: [ship("o1"), ship("o1")] })).toEqual(["Pick each order once"]);
    expect(messages(orderBulkFulfilInput, { items: [] })).toEqual(["Pick at least one order"]);
    expect(messages(orderBulkFulfilInput, { items: Array.from({ length: 51 }, (_, i) => ship(`o${i}`)) })).toEqual(["Pick at most 50 orders"]);
    expect(messages(orderBulkFulfilInput, { items: [{ orderId: "o1", event: { type: "ship", carrier: "DTDC" } }] })).toEqual(["Tracking number must be text"]);
  });

  it("default every admin order filter to none, read placed dates from text and refuse an empty date range", () => {
    expect(orderListInput.parse({})).toEqual({
      status: null,
      view: null,
      paymentStatus: null,
      paymentMethod: null,
      userId: null,
      placedFrom: null,
      placedTo: null,
      search: null,
      cursor: null,
      limit: 24,
    });
    const range = orderListInput.parse({ paymentMethod: "cod", userId: "user-1", placedFrom: "2025-01-01T00:00:00Z", placedTo: "2025-02-01T00:00:00Z" });
    expect(range).toMatchObject({ paymentMethod: "cod", userId: "user-1", placedFrom: new Date("2025-01-01T00:00:00Z"), placedTo: new Date("2025-02-01T00:00:00Z") });
    expect(messages(orderListInput, { placedFrom: "2025-02-01", placedTo: "2025-02-01" })).toEqual(["Placed until must be after placed from"]);
    // Only ISO 8601 text is a date: not whatever `Date` guesses from ("12345" would be the year 12345).
    expect(messages(orderListInput, { placedFrom: "12345" })).toEqual(["Placed from must be a date and time"]);
    expect(messages(orderListInput, { placedTo: "next tuesday" })).toEqual(["Placed until must be a date and time"]);
    expect(messages(orderListInput, { paymentMethod: "upi", placedFrom: "yesterday" })).toEqual([
      "Payment method must be wallet, card or cash on delivery",
      "Placed from must be a date and time",
    ]);
  });

  it("bound top-ups and require a reason for adjustments", () => {
    expect(messages(walletTopUpInput, { amountMinor: 999, idempotencyKey: "k-12345678" })).toEqual(["Amount must be at least ₹10.00"]);
    expect(walletAdjustmentInput.parse({ userId: "u1", amountMinor: -500, reason: "duplicate credit", idempotencyKey: "adj-12345678" }).amountMinor).toBe(-500);
    expect(messages(walletAdjustmentInput, { userId: "u1", amountMinor: 0, reason: "", idempotencyKey: "adj-12345678" })).toEqual([
      "Amount must not be zero",
      "Reason must be at least 5 characters",
    ]);
  });

  it("accept both coupon kinds and refuse expiry before start", () => {
    expect(couponCreateInput.parse({ kind: "fixed", code: "flat100", amountMinor: 10000 })).toMatchObject({ code: "FLAT100", usageLimit: null });
    expect(couponCreateInput.parse({ kind: "percentage", code: "TEN", percentBp: 1000 })).toMatchObject({ maxDiscountMinor: null });
    expect(
      messages(couponCreateInput, { kind: "fixed", code: "X1Y", amountMinor: 1, startsAt: "2025-02-01T00:00:00Z", expiresAt: "2025-01-01T00:00:00Z" }),
    ).toEqual(["Expiry must be after the start"]);
    expect(messages(couponCreateInput, { kind: "bogo", code: "X1Y" })).toEqual(["Discount type must be percentage or fixed"]);
    expect(couponUpdateInput.parse({ code: "ten", expectedVersion: 2, active: false })).toEqual({ code: "TEN", expectedVersion: 2, active: false });
  });

  it("accept the default settings and name bad fields", () => {
    // Tax settings are saved on their own (taxSettingsInput): the document's input leaves them out.
    const { tax: _tax, ...withoutTax } = defaultStoreSettings;
    expect(storeSettingsInput.parse(defaultStoreSettings)).toEqual(withoutTax);
    expect(storeSettingsInput.safeParse({ ...defaultStoreSettings, timeZone: "UTC" }).success).toBe(true);
    expect(messages(storeSettingsInput, { ...defaultStoreSettings, currency: "XXQ", timeZone: "Mars/Base", deliveryOptions: [] })).toEqual([
      "Currency must be an ISO 4217 code such as INR",
      "Add at least one delivery option",
      "Time zone must be an IANA time zone such as Asia/Kolkata",
    ]);
    const [option] = defaultStoreSettings.deliveryOptions;
    expect(
      messages(storeSettingsInput, { ...defaultStoreSettings, deliveryOptions: [option, option] }),
    ).toEqual(["Each delivery option needs its own code"]);
    expect(messages(storeSettingsInput, { ...defaultStoreSettings, deliveryOptions: [{ ...option, etaDays: { min: 5, max: 1 } }] })).toEqual([
      "Fastest delivery must not exceed slowest delivery",
    ]);
  });
});

describe("lengths and formats, as JSON Schema states them", () => {
  const emoji = "😀"; // one character (code point), two UTF-16 units

  it("counts characters in code points, so 100 emoji are 100 characters, on every surface", () => {
    const account = { email: "me@example.com", password: "a long passphrase" };
    expect(registerInput.safeParse({ ...account, name: emoji.repeat(100) }).success).toBe(true);
    const tooLong = registerInput.safeParse({ ...account, name: emoji.repeat(101) });
    expect(tooLong.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["name", "Full name must be at most 100 characters"]]);
    expect(registerInput.safeParse({ ...account, name: "  " }).error?.issues[0]?.message).toBe("Full name is required");
    expect(characters(emoji.repeat(3))).toBe(3);
  });

  it("declares the lengths, the email format, the one-address rule and date-times to JSON Schema", () => {
    const register = z.toJSONSchema(registerInput, { io: "input" }) as { properties: Record<string, Record<string, unknown>> };
    expect(register.properties.name).toMatchObject({ type: "string", minLength: 1, maxLength: 100 });
    expect(register.properties.email).toMatchObject({ type: "string", format: "email", maxLength: 254 });
    const place = z.toJSONSchema(placeOrderInput, { io: "input" }) as { oneOf: unknown };
    expect(place.oneOf).toEqual([{ required: ["addressId"] }, { required: ["address"] }]);
    const list = z.toJSONSchema(orderListInput, { io: "input", unrepresentable: "any" }) as { properties: Record<string, { anyOf: unknown[] }> };
    expect(list.properties.placedFrom!.anyOf[0]).toMatchObject({ type: "string", format: "date-time" });
  });
});
