import type { Cart, CartRepository } from "@bbscart/core";
import { translateDuplicateKey } from "../errors.js";
import { cartUniqueIndexes, type CartDoc } from "../models/carts.js";
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
      // A second cart for an owner breaks `user_unique`/`guest_unique`; two first saves racing in
      // transactions conflict on that index key instead, and the later one re-runs and finds the cart.
      await translateDuplicateKey(cartUniqueIndexes, () => carts.replaceOne({ _id }, fields, { upsert: true, session }));
    },
    async delete(cartId) {
      await carts.deleteOne({ _id: cartId }, { session });
    },
  };
}
