import { deflateRawSync, inflateRawSync } from "node:zlib";
import { decodeJson, encodeJson } from "./codec.js";

/**
 * The compact stored form of the JSON an order's life leaves behind (an order's details, an issued
 * tax document, an audit entry's before/after, an outbox message's notification), decision record 134: the same JSON text `encodeJson` writes, deflated
 * against a preset dictionary of what such records repeat (their keys, enum values, currencies,
 * notes), behind a one-byte format tag. A record of a few kilobytes is mostly the same keys and
 * values as every other one, which plain deflate cannot exploit on a single small record and a
 * dictionary can: an order's details shrink ~8×, a tax document ~8×.
 *
 * The dictionary is part of the file format: a stored record can only be read with the exact bytes
 * it was written with. It is therefore never edited; a better one would be a new tag with its own
 * dictionary, and the reader would keep every tag it ever wrote.
 */
const DICTIONARY_V1 = Buffer.from(
  [
    '{"template":"wallet_credited","userId":"","dedupeKey":"topup:pi_","data":{"amountMinor":"100000"}}',
    '{"template":"refund_issued","userId":"","dedupeKey":"order::refund::return:R1","data":{"orderId":"","orderNumber":"BB-1","amountMinor":"","destination":"wallet"}}',
    '{"template":"return_approved","dedupeKey":"order::return_approved:R1","data":{"returnId":"R1","amountMinor":""}}',
    '{"template":"return_requested","dedupeKey":"order::return_requested:R1","template":"order_cancelled","dedupeKey":"order::cancelled",',
    '{"template":"order_shipped","dedupeKey":"order::shipped","data":{"orderId":"","orderNumber":"BB-1","carrier":"Delhivery","trackingNumber":"DL"}}',
    '{"template":"order_placed","dedupeKey":"order::placed","data":{"orderId":"","orderNumber":"BB-1","totalMinor":"","receipt":" × ',
    ' — M @ ₹1,299.00: ₹\nDelivery: ₹0.00\nTotal: ₹\n(includes ₹ tax)"}}',
    '{"template":"order_delivered","userId":"","dedupeKey":"order::delivered","data":{"orderId":"","orderNumber":"BB-1"}}',
    '{"template":"order_confirmed","userId":"","dedupeKey":"order::confirmed","data":{"orderId":"","orderNumber":"BB-1","receipt":"',
    '{"kind":"tax-invoice","number":"INV/25-26/000123","issuedAt":"2025-11-05T10:15:00.000Z","currency":"INR","orderNumber":"BB-10423","refersTo":null,',
    '"seller":{"name":"BBSCART","gstin":"29ABCDE1234F1Z5","addressLines":["12 MG Road","Bengaluru 560001"],"stateGstCode":"29","stateName":"Karnataka"},',
    '"buyer":{"name":"","gstin":null,"addressLines":[" Street","Bengaluru 5600"],"stateGstCode":"29","stateName":"Karnataka"},',
    '"placeOfSupply":{"stateGstCode":"29","stateName":"Karnataka"},"supply":"intra-state","lines":[',
    '{"itemRef":"var_","description":" — ","hsnOrSac":"6203","quantity":1,"taxableMinor":0,"rateBp":1800,"cgstMinor":0,"sgstMinor":0,"igstMinor":0,"totalMinor":0},',
    '{"itemRef":"delivery","description":"Delivery","hsnOrSac":"996812","quantity":0,"taxableMinor":4900,"rateBp":0,"cgstMinor":0,"sgstMinor":0,"igstMinor":0,"totalMinor":4900}],',
    '"totals":{"taxableMinor":0,"cgstMinor":0,"sgstMinor":0,"igstMinor":0,"totalMinor":0}}',
    '{"kind":"bill-of-supply","number":"BOS/25-26/000001","kind":"credit-note","number":"CN/25-26/000001","refersTo":{"number":"INV/25-26/000001","issuedAt":"2025-',
    '"stateGstCode":"27","stateName":"Maharashtra"},"supply":"inter-state","stateGstCode":"33","stateName":"Tamil Nadu"},"stateGstCode":"36","stateName":"Telangana"},',
    '"stateGstCode":"19","stateName":"West Bengal"},"stateGstCode":"07","stateName":"Delhi"},"stateGstCode":"08","stateName":"Rajasthan"},',
    '{"status":"confirmed","paymentStatus":"paid","refundedMinor":0,"tracking":null,"returns":[],"version":2}',
    '{"status":"return_approved","paymentStatus":"refunded","refundedMinor":0,"tracking":{"carrier":"Delhivery","trackingNumber":"DL"},',
    '"returns":[{"id":"R1","status":"approved","amountMinor":0,"overrideReason":null}],"version":9}',
    '{"status":"packed"}{"status":"shipped"}{"status":"delivered"}{"status":"cancelled"}{"status":"return_received"}{"status":"return_requested"}{"status":"return_rejected"}',
    '"paymentStatus":"unpaid","paymentStatus":"partially_refunded",',
    '"returns":[{"id":"R1","status":"received","reason":"no_longer_needed","note":null,"requestedAt":{"$date":17',
    '"lines":[{"variantId":"var_","quantity":1,"approved":true,"amount":{"minor":0,"currency":"INR"},"tax":{"minor":0,"currency":"INR"}}],',
    '"delivery":{"minor":0,"currency":"INR"},"amount":{"minor":0,"currency":"INR"},"overrideReason":null,"destination":"card","refundId":"","restocked":true}],',
    '"refunds":[{"id":":return:R1","amount":{"minor":0,"currency":"INR"},"destination":"wallet","reason":"return R1","at":{"$date":17',
    '"status":"succeeded","settledAt":{"$date":17',
    ':cancellation","reason":"order cancelled","cancelReason":"ordered by mistake",',
    '"history":[{"kind":"status","at":{"$date":17',
    '"actor":{"kind":"shopper","userId":""},"event":"place","from":null,"to":"pending_payment","note":null},{"kind":"payment","at":{"$date":17',
    '"actor":{"kind":"system","process":"checkout"},"event":"captured","amount":{"minor":0,"currency":"INR"},"note":"wallet"},',
    '"actor":{"kind":"system","process":"payments"},"event":"confirm","from":"pending_payment","to":"confirmed","note":null},',
    '"actor":{"kind":"system","process":"order-expiry"},"event":"expire","from":"pending_payment","to":"cancelled","note":null},',
    '"event":"request_return","from":"delivered","to":"return_requested","note":"no longer needed"},',
    '"event":"approve_return","from":"return_requested","to":"return_approved","note":null},',
    '"event":"receive_return","from":"return_approved","to":"return_received","note":"restocked"},',
    '"event":"refunded","amount":{"minor":0,"currency":"INR"},"note":"return R1"},',
    '"event":"cancel","from":"confirmed","to":"cancelled","note":"order cancelled"},',
    '"actor":{"kind":"admin","userId":"","permissions":["orders.manage","catalog.manage","users.manage","wallet.adjust","refunds.issue","settings.manage","operations.view"]},',
    '"event":"pack","from":"confirmed","to":"packed","note":null},',
    '"event":"ship","from":"packed","to":"shipped","note":"Delhivery DL"},',
    '"event":"deliver","from":"shipped","to":"delivered","note":null},',
    '"event":"captured","amount":{"minor":0,"currency":"INR"},"note":"cod"}],"guest":null,"couponHolders":[]}',
    '{"lines":[{"variantId":"var_","productId":"prod_","sku":"","name":" — ","quantity":1,"unitPrice":{"minor":0,"currency":"INR"},"taxRateBp":1800,',
    '"subtotal":{"minor":0,"currency":"INR"},"discount":{"minor":0,"currency":"INR"},"total":{"minor":0,"currency":"INR"},"tax":{"minor":0,"currency":"INR"}}],',
    '"deliveryOptionId":"standard","address":{"id":"","label":"Home","name":"","phone":"+9198","line1":" Street","line2":null,"city":"Bengaluru","state":"KA","postalCode":"5600","country":"IN"},',
    '"payment":{"method":"card","amountDue":{"minor":0,"currency":"INR"},"authorized":{"minor":0,"currency":"INR"},"captured":{"minor":0,"currency":"INR"},',
    '"refunded":{"minor":0,"currency":"INR"},"providerIntentId":"pi_","captureRefs":["pi_"],"failedAttempts":[],"refunds":[],"status":"paid"},',
    '"tracking":{"carrier":"Delhivery","trackingNumber":"DL"},"returns":[],"cancelReason":null,"deliveredAt":{"$date":17',
  ].join(""),
);

/** The one-byte tag in front of every compact record: which dictionary it was deflated with. */
const FORMAT_V1 = 1;

/**
 * The deflate window records are written with: 16 KiB holds the dictionary (6 KB) and a record of
 * several kilobytes, and the stream sets it up in two thirds of the time the default 32 KiB takes —
 * a checkout packs five records; the output was the same size for every record measured. Readers
 * inflate with the default window, which reads a stream written with any smaller one, so records
 * written before this (with 32 KiB) read as they always did.
 */
const WRITE_WINDOW_BITS = 14;

/**
 * The output buffer a deflate call starts with. A record deflates to a few hundred bytes (an order's
 * details ~290, a notification ~160); zlib's default of 16 KiB is allocated whole on every call, and a
 * buffer under 4 KiB comes from Node's pool instead: 10 % off each call (order details 29.9 → 27.3 µs,
 * a tax document 25.2 → 21.3, a notification 23.8 → 21.2). A larger output takes more rounds of it.
 */
const WRITE_CHUNK_BYTES = 2048;

/** A JSON value in its compact stored form (a BLOB). */
export function packJson(value: unknown): Buffer {
  return Buffer.concat([
    Buffer.of(FORMAT_V1),
    deflateRawSync(encodeJson(value), { dictionary: DICTIONARY_V1, windowBits: WRITE_WINDOW_BITS, chunkSize: WRITE_CHUNK_BYTES }),
  ]);
}

/** The JSON text a compact record holds, exactly as `encodeJson` wrote it: what a migration's undo or a raw reader needs. */
export function unpackJsonText(blob: Uint8Array): string {
  if (blob[0] !== FORMAT_V1) throw new Error(`unknown compact record format ${String(blob[0])}`);
  return inflateRawSync(blob.subarray(1), { dictionary: DICTIONARY_V1 }).toString("utf8");
}

/** A value stored by `packJson`, with its dates restored. */
export function unpackJson<T>(blob: Uint8Array): T {
  return decodeJson<T>(unpackJsonText(blob));
}
