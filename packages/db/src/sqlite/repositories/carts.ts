import type { Cart, CartLine, CartRepository } from "@bbscart/core";
import { decodeJson, encodeJson, fromMs, toMs } from "../codec.js";
import type { Executor } from "../executor.js";

interface CartRow {
  id: string;
  user_id: string | null;
  guest_id: string | null;
  currency: string;
  lines: string;
  coupon_code: string | null;
  updated_at: number;
}

const toCart = (row: CartRow): Cart => ({
  id: row.id,
  userId: row.user_id,
  guestId: row.guest_id,
  currency: row.currency,
  lines: decodeJson<CartLine[]>(row.lines),
  couponCode: row.coupon_code,
  updatedAt: fromMs(row.updated_at),
});

export function sqliteCarts(ex: Executor): CartRepository {
  /** An owner's one cart (unique partial indexes `carts_user_unique`, `carts_guest_unique`). */
  const ownedBy = (column: "user_id" | "guest_id", owner: string) =>
    ex.read((c) => {
      const row = c.prepare(`SELECT * FROM carts WHERE ${column} = ?`).get(owner) as CartRow | undefined;
      return row ? toCart(row) : null;
    });
  return {
    findByUser: (userId) => ownedBy("user_id", userId),
    findByGuest: (guestId) => ownedBy("guest_id", guestId),
    save: (cart) =>
      ex.writeStatement((c) => {
        c.prepare(
          `INSERT INTO carts (id, user_id, guest_id, currency, lines, coupon_code, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (id) DO UPDATE SET user_id = excluded.user_id, guest_id = excluded.guest_id, currency = excluded.currency,
             lines = excluded.lines, coupon_code = excluded.coupon_code, updated_at = excluded.updated_at`,
        ).run(cart.id, cart.userId, cart.guestId, cart.currency, encodeJson(cart.lines), cart.couponCode, toMs(cart.updatedAt));
      }),
    delete: async (cartId) => {
      await ex.writeStatement((c) => c.prepare("DELETE FROM carts WHERE id = ?").run(cartId));
    },
  };
}
