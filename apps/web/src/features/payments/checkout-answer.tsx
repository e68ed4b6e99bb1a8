import { useEffect, useRef } from "react";
import { useSearchParams } from "react-router";
import { trpc } from "../../lib/trpc";

/**
 * On the order's return page: sends what Razorpay Checkout (or the sandbox in Razorpay's format)
 * handed the browser to the server, which checks `razorpay_signature` before the page says the
 * payment went through. A verified answer is only the browser's word made trustworthy — the
 * order's own status, driven by the webhook, decides what the page shows after it.
 */
export function CheckoutAnswer({ orderId }: { orderId: string }) {
  const [params] = useSearchParams();
  const paymentId = params.get("razorpay_payment_id");
  const signature = params.get("razorpay_signature");
  const verify = trpc.order.verifyPayment.useMutation();
  const sent = useRef(false);
  useEffect(() => {
    if (sent.current || !paymentId || !signature) return;
    sent.current = true;
    verify.mutate({ orderId, paymentId, signature });
  }, [orderId, paymentId, signature, verify]);
  if (!paymentId || !signature) return null;
  if (verify.isError) {
    return (
      <p className="rounded-2xl border border-red-200 bg-red-50 px-4 py-3 font-medium text-red-900" role="alert" data-testid="payment-verification">
        We could not verify this payment with Razorpay. If money was taken, your order is confirmed as soon as Razorpay tells us.
      </p>
    );
  }
  if (!verify.isSuccess) return null;
  return (
    <p className="rounded-2xl border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-900" data-testid="payment-verification">
      Payment {paymentId} received and verified with Razorpay.
    </p>
  );
}

/** Razorpay's answer after a failed attempt (the sandbox's Razorpay flavour returns `error_reason`). */
export const checkoutDeclined = (params: URLSearchParams) => params.has("error_reason");
