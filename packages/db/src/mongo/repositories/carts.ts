import type { Cart, CartRepository } from "@bbscart/core";
import type { CartDoc } from "../models/carts.js";
import type { RepoContext } from "./context.js";
import { fromDoc, toDoc } from "./mapping.js";

const toCart = (doc: CartDoc): Cart => fromDoc<Cart>(doc);

export function cartRepository({ models: { carts }, session }: RepoContext): CartRepository {
  return {
    async findByUser(userId) {
      const doc = await carts.findOne({ userId }, null, { session }).lean<CartDoc>();
      return doc && toCart(doc);
    },
    async findByGuest(guestId) {
      const doc = await carts.findOne({ guestId }, null, { session }).lean<CartDoc>();
      return doc && toCart(doc);
    },
    async save(cart) {
      const { _id, ...fields } = toDoc(cart);
      await carts.replaceOne({ _id }, fields, { upsert: true, session });
    },
    async delete(cartId) {
      await carts.deleteOne({ _id: cartId }, { session });
    },
  };
}
