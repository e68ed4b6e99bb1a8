import { cardPaymentUrl } from "../../lib/checkout-key";
import { trpc } from "../../lib/trpc";

/** Razorpay Checkout's standard script: loaded from Razorpay only (PCI), and only when Razorpay takes the payment. */
const checkoutScript = "https://checkout.razorpay.com/v1/checkout.js";

/** What Razorpay Checkout's handler receives after a successful payment. */
interface RazorpayHandlerResponse {
  razorpay_payment_id: string;
  razorpay_order_id: string;
  razorpay_signature: string;
}

interface RazorpayCheckout {
  open(): void;
}

type RazorpayConstructor = new (options: {
  key: string;
  order_id: string;
  name: string;
  handler: (response: RazorpayHandlerResponse) => void;
  modal: { ondismiss: () => void };
}) => RazorpayCheckout;

let loading: Promise<RazorpayConstructor> | null = null;

function loadCheckout(): Promise<RazorpayConstructor> {
  loading ??= new Promise<RazorpayConstructor>((resolve, reject) => {
    const script = document.createElement("script");
    script.src = checkoutScript;
    script.async = true;
    script.onload = () => {
      const constructor = (window as unknown as { Razorpay?: RazorpayConstructor }).Razorpay;
      if (constructor) resolve(constructor);
      else reject(new Error("Razorpay Checkout did not load"));
    };
    script.onerror = () => {
      loading = null;
      reject(new Error("Razorpay Checkout could not be reached. Check your connection and try again."));
    };
    document.head.appendChild(script);
  });
  return loading;
}

/** The return page with Checkout's answer in its query, as the sandbox's Razorpay flavour returns too: one page verifies both. */
export function withCheckoutAnswer(returnPath: string, response: RazorpayHandlerResponse): string {
  const url = new URL(returnPath, window.location.origin);
  for (const [name, value] of Object.entries(response) as [string, string][]) url.searchParams.set(name, value);
  return `${url.pathname}${url.search}`;
}

/**
 * Starts paying with what the server handed over (`clientSecret`: Stripe's client secret, or the
 * Razorpay Order id). With Razorpay, Checkout opens over the page and its answer is taken to
 * `returnPath`; otherwise the sandbox page (either flavour) takes the payment and returns there.
 * Resolves "left" when the browser is on its way to another page, "dismissed" when the shopper
 * closed Checkout without paying; rejects when Checkout cannot load.
 */
export function useStartPayment() {
  const info = trpc.system.info.useQuery(undefined, { staleTime: Infinity });
  return async (clientSecret: string, returnPath: string): Promise<"left" | "dismissed"> => {
    const publicKey = info.data?.paymentCheckout.publicKey ?? null;
    if (!publicKey) {
      window.location.assign(cardPaymentUrl(clientSecret, returnPath));
      return "left";
    }
    const Razorpay = await loadCheckout();
    return new Promise((resolve) => {
      new Razorpay({
        key: publicKey,
        order_id: clientSecret,
        name: info.data?.name ?? "BBSCART",
        handler: (response) => {
          window.location.assign(withCheckoutAnswer(returnPath, response));
          resolve("left");
        },
        modal: { ondismiss: () => resolve("dismissed") },
      }).open();
    });
  };
}

/**
 * How the shop names what the provider takes, so no page says "card" about a UPI payment: Stripe
 * takes cards here, Razorpay (and the sandbox imitating it) UPI, cards, netbanking and wallets. The
 * shop is not told which of Razorpay's methods a shopper chose, so it names them all; before the
 * provider is known it says only "payment".
 */
export function usePaymentMeans(): { means: string; cardsOnly: boolean } {
  const info = trpc.system.info.useQuery(undefined, { staleTime: Infinity });
  const wireFormat = info.data?.paymentCheckout.wireFormat;
  if (wireFormat === "stripe") return { means: "card", cardsOnly: true };
  return { means: wireFormat === "razorpay" ? "UPI, card or netbanking" : "online payment", cardsOnly: false };
}
