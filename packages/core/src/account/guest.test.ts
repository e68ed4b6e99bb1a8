import { describe, expect, it } from "vitest";
import { contactMatches, couponHolders } from "./guest.js";

const contact = { email: "asha@example.com", phone: "+919800000001" };

describe("couponHolders", () => {
  it("counts an account by its bare id, its email and its phone, normalised", () => {
    expect(couponHolders({ userId: "u1", email: " Asha@Example.COM", phone: "098000 00001" })).toEqual(["u1", "email:asha@example.com", "phone:+919800000001"]);
  });

  it("counts a guest by email and phone only, and leaves out a phone that is missing or no number", () => {
    expect(couponHolders({ userId: null, email: "asha@example.com", phone: "+91 98000 00001" })).toEqual(["email:asha@example.com", "phone:+919800000001"]);
    expect(couponHolders({ userId: "u1", email: "asha@example.com", phone: null })).toEqual(["u1", "email:asha@example.com"]);
    expect(couponHolders({ userId: "u1", email: "asha@example.com", phone: "12" })).toEqual(["u1", "email:asha@example.com"]);
  });
});

describe("contactMatches", () => {
  it("accepts the email in any case or the phone in any spelling", () => {
    expect(contactMatches(contact, { email: "ASHA@example.com " })).toBe(true);
    expect(contactMatches(contact, { phone: "98000 00001" })).toBe(true);
    expect(contactMatches(contact, { email: "other@example.com", phone: "+919800000001" })).toBe(true);
  });

  it("refuses another email, another phone, a phone that is no number and nothing at all", () => {
    expect(contactMatches(contact, { email: "asha@example.org" })).toBe(false);
    expect(contactMatches(contact, { phone: "+919800000002" })).toBe(false);
    expect(contactMatches(contact, { phone: "not a phone" })).toBe(false);
    expect(contactMatches(contact, {})).toBe(false);
  });
});
