import { formatMoney } from "@bbscart/core";
import { useState } from "react";
import { Link, useNavigate } from "react-router";
import { AddressBook, preselectedAddress } from "../features/account/address-book";
import { SignedIn } from "../features/auth/signed-in";
import { useSession } from "../features/auth/use-session";
import { GuestCheckout } from "../features/checkout/guest-checkout";
import { cartSignature, useCart, useCartActions, type CartView } from "../features/cart/use-cart";
import { BusinessPurchaseFields, buyerOf, noBusinessPurchase, type BusinessPurchase } from "../features/checkout/business-purchase";
import { ChoiceCard, DeliveryOptions, OrderSummary, PaymentChoices } from "../features/checkout/choices";
import { EmptyCheckout } from "../features/checkout/placed-elsewhere";
import { serverErrors, type FieldErrors } from "../features/forms/field-errors";
import { PageHeader, Panel } from "../features/ui/layout";
import { ErrorState, Loading } from "../features/ui/states";
import { button } from "../features/ui/styles";
import { checkoutKey, finishCheckout, orderReturnPath } from "../lib/checkout-key";
import { useStartPayment } from "../features/payments/start-payment";
import { trpc, type RouterInputs, type RouterOutputs } from "../lib/trpc";

type PaymentMethod = RouterInputs["order"]["place"]["paymentMethod"];
type StoreInfo = RouterOutputs["catalog"]["storeInfo"];
type Me = RouterOutputs["auth"]["me"];

/**
 * Checkout: a signed-in shopper's with their address book and wallet; someone signed out chooses
 * between signing in (and coming back here) and continuing as a guest (ADR 141).
 */
export function CheckoutPage() {
  const session = useSession();
  const [asGuest, setAsGuest] = useState(false);
  if (session.status === "anonymous") {
    return (
      <>
        <PageHeader title="Checkout" />
        {asGuest ? <GuestCheckoutData /> : <SignInOrGuest onGuest={() => setAsGuest(true)} />}
      </>
    );
  }
  return (
    <SignedIn>
      <PageHeader title="Checkout" />
      <CheckoutData />
    </SignedIn>
  );
}

function SignInOrGuest({ onGuest }: { onGuest: () => void }) {
  return (
    <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
      <Panel title="Have an account?">
        <p className="mb-3 text-sm text-slate-600">Sign in to use your saved addresses and your wallet.</p>
        <Link to={`/sign-in?next=${encodeURIComponent("/checkout")}`} className={button.primary}>
          Sign in
        </Link>
      </Panel>
      <Panel title="New here?">
        <p className="mb-3 text-sm text-slate-600">Order with your email and mobile number; no account needed.</p>
        <button type="button" className={button.secondary} onClick={onGuest}>
          Continue as guest
        </button>
      </Panel>
    </div>
  );
}

function GuestCheckoutData() {
  const store = trpc.catalog.storeInfo.useQuery();
  if (store.error) return <ErrorState error={store.error} onRetry={store.refetch} />;
  if (!store.data) return <Loading label="Preparing checkout…" />;
  return <GuestCheckout store={store.data} />;
}

function CheckoutData() {
  const store = trpc.catalog.storeInfo.useQuery();
  const me = trpc.auth.me.useQuery();
  const failed = store.error ?? me.error;
  if (failed) return <ErrorState error={failed} onRetry={() => Promise.all([store.refetch(), me.refetch()])} />;
  if (!store.data || !me.data) return <Loading label="Preparing checkout…" />;
  return <Checkout store={store.data} me={me.data} />;
}

/** Where the network failed before the API answered: the order may or may not exist, and the same key finds out. */
const isNetworkFailure = (error: unknown) => !(error as { data?: unknown }).data;

function Checkout({ store, me }: { store: StoreInfo; me: Me }) {
  const navigate = useNavigate();
  const utils = trpc.useUtils();
  const [deliveryOptionId, setDeliveryOptionId] = useState(store.deliveryOptions[0]?.id ?? "");
  const [addressId, setAddressId] = useState<string | null>(() => preselectedAddress(me));
  const [paymentMethod, setPaymentMethod] = useState<PaymentMethod>("card");
  const [business, setBusiness] = useState<BusinessPurchase>(noBusinessPurchase);
  const [businessErrors, setBusinessErrors] = useState<FieldErrors>({});
  const cart = useCart(deliveryOptionId);
  const actions = useCartActions();
  const wallet = trpc.wallet.balance.useQuery();
  const place = trpc.order.place.useMutation();
  // When this tab last saw the cart with items: an order placed after that emptied it.
  const [seenSince, setSeenSince] = useState<Date | null>(null);
  const filledAt = cart.data && cart.data.lines.length > 0 ? cart.data.updatedAt : null;
  if (filledAt && filledAt.getTime() !== seenSince?.getTime()) setSeenSince(filledAt);
  const startPayment = useStartPayment();

  if (cart.error && !cart.data) return <ErrorState error={cart.error} onRetry={cart.refetch} />;
  if (!cart.data) return <Loading label="Loading your cart…" />;
  // Empty unless this tab's own order emptied it (then it is on its way to the order page).
  if (cart.data.lines.length === 0 && !place.isSuccess) return <EmptyCheckout since={seenSince} />;
  const view: CartView = cart.data;
  const walletShort = paymentMethod === "wallet" && wallet.data !== undefined && wallet.data.balance.minor < view.totals.total.minor;

  const submit = () => {
    if (!addressId) return;
    // The schema's keys are the buyer's own ("gstin"); the API names them under "buyer.", as the form does.
    const buyer = buyerOf(business);
    setBusinessErrors(buyer.ok ? {} : Object.fromEntries(Object.entries(buyer.errors).map(([path, message]) => [`buyer.${path}`, message])));
    if (!buyer.ok) return;
    const signature = cartSignature(view);
    // After a network failure the retry is the very same request: the first may have been placed.
    const input =
      place.error && isNetworkFailure(place.error) && place.variables
        ? place.variables
        : { addressId, deliveryOptionId, paymentMethod, idempotencyKey: checkoutKey(signature), buyer: buyer.buyer };
    place.mutate(input, {
      onSuccess: (receipt) => {
        finishCheckout(signature);
        void utils.cart.get.invalidate();
        void utils.order.list.invalidate();
        void utils.wallet.invalidate();
        if (receipt.paymentMethod === "card" && receipt.clientSecret) {
          // Closing Razorpay Checkout without paying lands on the order, which offers to pay again.
          const toOrder = () => navigate(`/orders/${receipt.orderId}?placed=1`);
          startPayment(receipt.clientSecret, orderReturnPath(receipt.orderId)).then((outcome) => (outcome === "dismissed" ? toOrder() : undefined), toOrder);
        } else {
          void navigate(`/orders/${receipt.orderId}?placed=1`);
        }
      },
      onError: (error) => {
        if (!isNetworkFailure(error)) void utils.cart.get.invalidate();
      },
    });
  };

  const placeError = place.error
    ? isNetworkFailure(place.error)
      ? "We lost the connection before the shop answered. Press “Place order” again: you will get one order, never two."
      : Object.values(serverErrors(place.error)).join(" ")
    : undefined;

  return (
    <div className="grid grid-cols-1 gap-6 lg:grid-cols-[1fr_24rem]">
      <div className="flex flex-col gap-6">
        <Panel title="1. Delivery address">
          <AddressBook me={me} choice={{ selectedId: addressId, onSelect: setAddressId }} />
        </Panel>

        <Panel title="2. Delivery">
          <DeliveryOptions store={store} selected={deliveryOptionId} onSelect={setDeliveryOptionId} />
        </Panel>

        <Panel title="3. Payment">
          <PaymentChoices method={paymentMethod} onSelect={setPaymentMethod} codEnabled={store.codEnabled}>
            <ChoiceCard name="payment" value="wallet" checked={paymentMethod === "wallet"} onSelect={() => setPaymentMethod("wallet")}>
              <span className="font-medium">BBSCART wallet</span>
              <span className="text-slate-600" data-testid="checkout-wallet-balance">
                {wallet.data ? `Balance ${formatMoney(wallet.data.balance)}` : "Checking your balance…"}
              </span>
            </ChoiceCard>
          </PaymentChoices>
          <div className="mt-4 border-t border-slate-200 pt-4">
            <BusinessPurchaseFields value={business} onChange={setBusiness} errors={{ ...businessErrors, ...(place.error && !isNetworkFailure(place.error) ? serverErrors(place.error) : {}) }} registered={store.gstRegistered} />
          </div>
          {walletShort && (
            <p role="alert" className="mt-3 text-sm text-amber-800">
              Your wallet balance does not cover this order. <Link to="/wallet" className={button.link}>Top up your wallet</Link> or choose another method.
            </p>
          )}
        </Panel>
      </div>

      <OrderSummary view={view} actions={actions} error={placeError}>
          <button
            type="button"
            className={button.primary}
            disabled={place.isPending || place.isSuccess || !addressId || view.problems.length > 0 || walletShort}
            onClick={submit}
          >
            {place.isPending || place.isSuccess ? "Placing your order…" : `Place order · ${formatMoney(view.totals.total)}`}
          </button>
          {!addressId && <p className="text-sm text-slate-500">Pick or add a delivery address to continue.</p>}
      </OrderSummary>
    </div>
  );
}
