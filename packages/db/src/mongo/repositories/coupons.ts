import type { Coupon, CouponDiscount, CouponRepository } from "@bbscart/core";
import { translateDuplicateKey } from "../errors.js";
import { couponUniqueIndexes, type CouponDoc, type CouponRedemptionDoc } from "../models/coupons.js";
import type { Models } from "../models/index.js";
import type { RepoContext } from "./context.js";
import { definedFields, findPage } from "./mapping.js";

function toCoupon(doc: CouponDoc): Coupon {
  const rules = {
    code: doc._id,
    description: doc.description,
    active: doc.active,
    minOrder: doc.minOrder,
    startsAt: doc.startsAt,
    expiresAt: doc.expiresAt,
    usageLimit: doc.usageLimit,
    usedCount: doc.usedCount,
    perCustomerLimit: doc.perCustomerLimit,
    version: doc.version,
  };
  // `couponDoc` always writes the fields of its kind; a document without them is corrupt.
  if (doc.kind === "fixed" && doc.amount) return { ...rules, kind: "fixed", amount: doc.amount };
  if (doc.kind === "percentage" && doc.percentBp !== null) return { ...rules, kind: "percentage", percentBp: doc.percentBp, maxDiscount: doc.maxDiscount };
  throw new Error(`coupon ${doc._id}: stored without the fields of kind ${doc.kind}`);
}

/** The discount's fields, the other kind's set to null, so a document never mixes kinds. */
function discountFields(discount: CouponDiscount): Pick<CouponDoc, "kind" | "percentBp" | "maxDiscount" | "amount"> {
  return discount.kind === "fixed"
    ? { kind: "fixed", amount: discount.amount, percentBp: null, maxDiscount: null }
    : { kind: "percentage", percentBp: discount.percentBp, maxDiscount: discount.maxDiscount, amount: null };
}

function couponDoc(coupon: Coupon): CouponDoc {
  const { code, description, active, minOrder, startsAt, expiresAt, usageLimit, usedCount, perCustomerLimit, version } = coupon;
  return { _id: code, description, active, minOrder, startsAt, expiresAt, usageLimit, usedCount, perCustomerLimit, version, ...discountFields(coupon) };
}

/**
 * Redemptions are counted twice — on the coupon (`usedCount`) and per customer — and each
 * count is a guarded `$inc`. Limits are copied into the filter as compare-and-set values, so an
 * admin changing a limit between read and write makes the write miss rather than overshoot.
 */
/** Gives coupons stored before edits were versioned (ADR 095) version 1 and no description; reads nothing once none lacks it. */
export async function fillCouponVersions({ coupons }: Models): Promise<void> {
  await coupons.updateMany({ version: { $exists: false } }, { $set: { version: 1, description: null } });
}

export function couponRepository({ models: { coupons, couponRedemptions }, session, atomically }: RepoContext): CouponRepository {
  return {
    async create(coupon) {
      await translateDuplicateKey(couponUniqueIndexes, () => coupons.insertMany([couponDoc(coupon)], { session }));
    },
    async update(code, { discount, ...rules }, expectedVersion) {
      const set = { ...definedFields(rules), ...(discount ? discountFields(discount) : {}) };
      // The guards are in the filter: an edit or redemption committed since the caller's read makes it miss.
      const filter = {
        _id: code,
        ...(expectedVersion === undefined ? {} : { version: expectedVersion }),
        ...(typeof rules.usageLimit === "number" ? { usedCount: { $lte: rules.usageLimit } } : {}),
      };
      const doc = await coupons.findOneAndUpdate(filter, { $set: set, $inc: { version: 1 } }, { returnDocument: "after", session }).lean<CouponDoc>();
      return doc && toCoupon(doc);
    },
    async findByCode(code) {
      const doc = await coupons.findById(code, null, { session }).lean<CouponDoc>();
      return doc && toCoupon(doc);
    },
    list(page) {
      return findPage(coupons, session, { filter: {}, sort: { field: "_id", direction: 1 }, page }, toCoupon);
    },
    async customerUses(code, holder) {
      const doc = await couponRedemptions.findOne({ code, userId: holder }, { uses: 1 }, { session }).lean<Pick<CouponRedemptionDoc, "uses">>();
      return doc?.uses ?? 0;
    },
    // `coupon_redemptions.userId` holds one holder key of the customer's `couponHolders`.
    redeemIfAvailable(code, holders) {
      return atomically(async (tx) => {
        const coupon = await coupons.findById(code, { usageLimit: 1, perCustomerLimit: 1 }, { session: tx }).lean<Pick<CouponDoc, "usageLimit" | "perCustomerLimit">>();
        if (!coupon) return false;
        const { usageLimit, perCustomerLimit } = coupon;
        const total = await coupons.updateOne(
          { _id: code, usageLimit, perCustomerLimit, ...(usageLimit === null ? {} : { usedCount: { $lt: usageLimit } }) },
          { $inc: { usedCount: 1 } },
          { session: tx },
        );
        if (total.matchedCount !== 1) return false;
        const counted: string[] = [];
        for (const holder of new Set(holders)) {
          // Create the holder's counter at zero first: an upsert whose guard fails would insert a
          // duplicate and abort the transaction, where this must only answer false.
          await couponRedemptions.updateOne({ code, userId: holder }, { $setOnInsert: { uses: 0 } }, { upsert: true, session: tx });
          const mine = await couponRedemptions.updateOne(
            { code, userId: holder, ...(perCustomerLimit === null ? {} : { uses: { $lt: perCustomerLimit } }) },
            { $inc: { uses: 1 } },
            { session: tx },
          );
          if (mine.matchedCount === 1) {
            counted.push(holder);
            continue;
          }
          // Give back what was taken above; it is in this transaction, so no one saw it.
          await couponRedemptions.updateMany({ code, userId: { $in: counted } }, { $inc: { uses: -1 } }, { session: tx });
          await coupons.updateOne({ _id: code }, { $inc: { usedCount: -1 } }, { session: tx });
          return false;
        }
        return true;
      });
    },
    async releaseRedemption(code, holders) {
      await atomically(async (tx) => {
        // Only a redemption this customer holds can be given back to the coupon's total, once.
        let released = false;
        for (const holder of new Set(holders)) {
          const mine = await couponRedemptions.updateOne({ code, userId: holder, uses: { $gt: 0 } }, { $inc: { uses: -1 } }, { session: tx });
          released = mine.matchedCount === 1 || released;
        }
        if (released) await coupons.updateOne({ _id: code, usedCount: { $gt: 0 } }, { $inc: { usedCount: -1 } }, { session: tx });
      });
    },
  };
}
