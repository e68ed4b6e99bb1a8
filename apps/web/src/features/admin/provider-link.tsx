import { trpc } from "../../lib/trpc";

/** Where the provider's own dashboard shows one of its payments (the sandbox has none). */
function dashboardUrl(provider: string, intentId: string): string | null {
  if (provider === "stripe") return `https://dashboard.stripe.com/payments/${encodeURIComponent(intentId)}`;
  if (provider === "razorpay") return `https://dashboard.razorpay.com/app/orders/${encodeURIComponent(intentId)}`;
  return null;
}

/**
 * The payment's provider and its id there (Stripe's PaymentIntent, Razorpay's Order), linked to the
 * provider's dashboard, so staff can look up what the provider says without searching for it.
 */
export function ProviderPayment({ intentId }: { intentId: string }) {
  const info = trpc.system.info.useQuery(undefined, { staleTime: Infinity });
  const provider = info.data?.paymentProvider ?? "";
  const url = dashboardUrl(provider, intentId);
  return (
    <p className="mt-3 text-sm" data-testid="provider-payment">
      <span className="text-slate-500">{provider || "Provider"}</span>{" "}
      {url ? (
        <a href={url} target="_blank" rel="noreferrer noopener" className="font-mono text-xs font-medium text-teal-700 hover:underline">
          {intentId}
        </a>
      ) : (
        <span className="font-mono text-xs">{intentId}</span>
      )}
    </p>
  );
}
