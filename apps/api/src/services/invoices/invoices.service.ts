import type { IssuedTaxDocument, Order, TaxDocument, User } from "@bbscart/core";
import { notFound, type CommerceDeps } from "../common/index.js";

/**
 * Reading issued GST documents: an order's invoice and credit notes, for its shopper and for staff.
 * Documents are as they were issued; nothing here computes tax. The PDF and the exports call these.
 */
export function invoicesService({ db }: Pick<CommerceDeps, "db">) {
  /** The order's documents in issue order (invoice, then credit notes); empty before it is confirmed. */
  async function taxDocumentsForOrder(orderId: string): Promise<readonly TaxDocument[]> {
    return (await db.repos.taxDocuments.listForOrder(orderId)).map((d) => d.document);
  }

  /** One document by its number, with the order it belongs to; null when no document has that number. */
  async function taxDocumentByNumber(number: string): Promise<IssuedTaxDocument | null> {
    return db.repos.taxDocuments.findByNumber(number);
  }

  /** The shopper's view: their own order's documents; someone else's order is not found. */
  async function forShopper(user: User, orderId: string) {
    const order: Order | null = await db.repos.orders.findById(orderId);
    if (!order || order.userId !== user.id) throw notFound("Order");
    return { orderId, documents: await taxDocumentsForOrder(orderId) };
  }

  /** Staff's view of any order's documents. */
  async function forAdmin(orderId: string) {
    if (!(await db.repos.orders.findById(orderId))) throw notFound("Order");
    return { orderId, documents: await taxDocumentsForOrder(orderId) };
  }

  return { taxDocumentsForOrder, taxDocumentByNumber, forShopper, forAdmin };
}

export type InvoicesService = ReturnType<typeof invoicesService>;
