import { formatMoney } from "@bbscart/core";
import { useState } from "react";
import { downloadWithSession } from "../auth/download";
import { FormError } from "../forms/field";
import { button } from "../ui/styles";
import { formatDate } from "../../lib/format-date";
import { trpc, type RouterOutputs } from "../../lib/trpc";

type IssuedDocument = RouterOutputs["order"]["documents"]["documents"][number];

const kindLabel: Record<IssuedDocument["kind"], string> = {
  "tax-invoice": "Tax invoice",
  "bill-of-supply": "Bill of supply",
  "credit-note": "Credit note",
};

/** Where a document's PDF is served: the REST operations, which answer the owner and order staff alike. */
function pdfUrl(orderId: string, doc: IssuedDocument): string {
  const base = `/api/v1/orders/${encodeURIComponent(orderId)}`;
  return doc.kind === "credit-note" ? `${base}/credit-notes/${encodeURIComponent(doc.number)}` : `${base}/invoice`;
}

/**
 * An order's GST documents with a download for each: the shopper's order page and the admin's
 * order page show the same list (the API decides who may see it).
 */
export function OrderDocuments({ orderId }: { orderId: string }) {
  const documents = trpc.order.documents.useQuery({ orderId });
  const [error, setError] = useState<string | undefined>();
  if (documents.error) return <p className="text-sm text-red-700">We could not load the tax documents.</p>;
  if (!documents.data) return <p className="text-sm text-slate-500">Loading…</p>;
  if (documents.data.documents.length === 0) return <p className="text-sm text-slate-500">The tax invoice appears here once the order is confirmed.</p>;
  const download = (doc: IssuedDocument) => {
    setError(undefined);
    downloadWithSession(pdfUrl(orderId, doc), `${doc.number}.pdf`).catch((failure: Error) => setError(failure.message));
  };
  return (
    <>
      <ul className="flex flex-col gap-3" data-testid="tax-documents">
        {documents.data.documents.map((doc) => (
          <li key={doc.number} className="flex flex-wrap items-center justify-between gap-2 text-sm">
            <span>
              {kindLabel[doc.kind]} <span className="font-mono">{doc.number}</span>
              <span className="block text-slate-500">
                {formatDate(new Date(doc.issuedAt))} · {formatMoney({ minor: doc.totals.totalMinor, currency: doc.currency })}
              </span>
            </span>
            <button type="button" className={button.secondary} onClick={() => download(doc)}>
              {doc.kind === "credit-note" ? "Download credit note" : "Download invoice"}
            </button>
          </li>
        ))}
      </ul>
      <FormError message={error} />
    </>
  );
}
