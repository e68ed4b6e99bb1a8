/**
 * Coupons an admin edits (ADR 095): a description, and a version every edit bumps so an edit made
 * from a stale copy is refused. Existing coupons start at version 1. `orders_coupon` serves the
 * coupons page's redemptions and revenue per coupon (only orders that used one are indexed).
 */
export const couponEdits = `
ALTER TABLE coupons ADD COLUMN description TEXT;
ALTER TABLE coupons ADD COLUMN version INTEGER NOT NULL DEFAULT 1;

CREATE INDEX orders_coupon ON orders (coupon_code) WHERE coupon_code IS NOT NULL;
`;
