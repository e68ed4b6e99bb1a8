import mongoose, { mongo } from "mongoose";
import { describe, expect, it } from "vitest";
import { ORDER_STATUSES, PAYMENT_STATUSES, ROLES, TRANSFER_KINDS } from "@bbscart/core";
import { bsonSchemaViolations } from "./bson-schema-check.js";
import { registerModels } from "./models/index.js";
import { collectionValidators, type BsonSchema } from "./validators.js";

/**
 * The validators the migrate step applies, checked without a server: the emulator enforces none, so a
 * real MongoDB refusing a bad document is proven in `real-mongodb.test.ts`, and the emulator lane checks
 * every document the contract suite writes against them (`mongo.contract.test.ts`).
 */
const { Double, Int32 } = mongo;
const validators = collectionValidators(registerModels(mongoose.createConnection()));
const schemaOf = (collection: string): BsonSchema => {
  const validator = validators[collection];
  if (!validator) throw new Error(`no validator for ${collection}`);
  return validator.$jsonSchema;
};

const variant = { _id: "v-1", productId: "p-1", position: new Int32(0), sku: "SKU-1", name: "Blue / M", price: { minor: new Int32(129900), currency: "INR" }, active: true, onHand: new Int32(5), reserved: new Int32(2), available: new Int32(3) };

describe("collection validators", () => {
  it("cover every collection of the store, the driver-written counters too", () => {
    expect(Object.keys(validators).sort()).toEqual(
      ["audit_log", "carts", "categories", "counters", "coupon_redemptions", "coupons", "idempotency_keys", "ledger_balances", "ledger_transfers", "locks", "orders", "outbox", "password_resets", "products", "rollup_state", "sales_rollup_days", "sales_rollup_products", "search_vocabulary", "sessions", "settings", "tax_documents", "users", "variants", "webhook_events"].sort(),
    );
  });

  it("accept a variant as the adapter stores it, with money past 32 bits stored as a double", () => {
    expect(bsonSchemaViolations(schemaOf("variants"), variant)).toEqual([]);
    expect(bsonSchemaViolations(schemaOf("variants"), { ...variant, price: { minor: new Double(3_000_000_000), currency: "INR" } })).toEqual([]);
  });

  it("refuse negative stock, reserved beyond on hand, fractional money and undeclared fields", () => {
    const variants = schemaOf("variants");
    expect(bsonSchemaViolations(variants, { ...variant, onHand: new Int32(-1) })).toEqual(["$.onHand: -1 < 0"]);
    expect(bsonSchemaViolations(variants, { ...variant, reserved: new Int32(6), available: new Int32(-1) })).toEqual(["$.available: -1 < 0"]);
    expect(bsonSchemaViolations(variants, { ...variant, price: { minor: new Double(1.5), currency: "INR" } })).toEqual(["$.price.minor: 1.5 is not a multiple of 1"]);
    expect(bsonSchemaViolations(variants, { ...variant, price: { minor: "100", currency: "INR" } })).toEqual(["$.price.minor: string is not int|long|double"]);
    expect(bsonSchemaViolations(variants, { ...variant, colour: "blue" })).toEqual(["$.colour: not declared"]);
    const { sku: _sku, ...withoutSku } = variant;
    expect(bsonSchemaViolations(variants, withoutSku)).toEqual(["$.sku: required"]);
  });

  it("hold enum fields to core's lists", () => {
    const orders = schemaOf("orders");
    expect(orders.properties?.status?.enum).toEqual([...ORDER_STATUSES]);
    expect(orders.properties?.payment?.properties?.status?.enum).toEqual([...PAYMENT_STATUSES]);
    expect(schemaOf("ledger_transfers").properties?.kind?.enum).toEqual([...TRANSFER_KINDS]);
    expect(schemaOf("users").properties?.role?.enum).toEqual([...ROLES]);
    expect(bsonSchemaViolations(schemaOf("users").properties?.role as BsonSchema, "owner")).toEqual(['$: "owner" is not one of ["shopper","admin"]']);
  });

  it("let nullable fields hold null and nothing else untyped", () => {
    const users = schemaOf("users");
    expect(bsonSchemaViolations(users.properties?.phone as BsonSchema, null)).toEqual([]);
    expect(bsonSchemaViolations(users.properties?.phone as BsonSchema, new Int32(9))).toEqual(["$: int is not null|string"]);
  });
});
