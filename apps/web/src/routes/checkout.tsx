import { formatMoney } from "@bbscart/core";
import { useState } from "react";
import { Link, useNavigate } from "react-router";
import { AddressBook, preselectedAddress } from "../features/account/address-book";
import { SignedIn } from "../features/auth/signed-in";
import { CartLines } from "../features/cart/cart-lines";
import { CartProblems } from "../features/cart/cart-problems";
import { CartTotals } from "../features/cart/cart-totals";
import { cartSignature, useCart, useCartActions, type CartView } from "../features/cart/use-cart";
import { BusinessPurchaseFields, buyerOf, noBusinessPurchase, type BusinessPurchase } from "../features/checkout/business-purchase";
import { ChoiceCard } from "../features/checkout/choices";
import { EmptyCheckout } from "../features/checkout/placed-elsewhere";
import { FormError } from "../features/forms/field";
import { serverErrors, type FieldErrors } from "../features/forms/field-errors";
import { PageHeader, Panel } from "../features/ui/layout";
import { ErrorState, Loading } from "../features/ui/states";
import { button, panel } from "../features/ui/styles";
import { checkoutKey, finishCheckout, orderReturnPath } from "../lib/checkout-key";
import { methodLabel } from "../features/orders/status";
import { usePaymentMeans, useStartPayment } from "../features/payments/start-payment";
import { trpc, type RouterInputs, type RouterOutputs } from "../lib/trpc";

type PaymentMethod = RouterInputs["order"]["place"]["paymentMethod"];
type StoreInfo = RouterOutputs["catalog"]["storeInfo"];
type Me = RouterOutputs["auth"]["me"];

export function CheckoutPage() {
  return (
    <SignedIn>
      <PageHeader title="Checkout" />
      <CheckoutData />
    </SignedIn>
  );
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
  const { means, cardsOnly } = usePaymentMeans();
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
          <fieldset className="flex flex-col gap-2">
            <legend className="sr-only">Delivery option</legend>
            {store.deliveryOptions.map((option) => (
              <ChoiceCard key={option.id} name="delivery" value={option.id} checked={deliveryOptionId === option.id} onSelect={setDeliveryOptionId}>
                <span className="font-medium">{option.label}</span>
                <span className="text-slate-600">
                  {option.etaDays.min}–{option.etaDays.max} days ·{" "}
                  {formatMoney({ minor: option.feeMinor, currency: store.currency })}
                  {option.freeOverMinor !== null && `, free over ${formatMoney({ minor: option.freeOverMinor, currency: store.currency })}`}
                </span>
              </ChoiceCard>
            ))}
          </fieldset>
        </Panel>

        <Panel title="3. Payment">
          <fieldset className="flex flex-col gap-2">
            <legend className="sr-only">Payment method</legend>
            <ChoiceCard name="payment" value="card" checked={paymentMethod === "card"} onSelect={() => setPaymentMethod("card")}>
              <span className="font-medium">{methodLabel("card", cardsOnly)}</span>
              <span className="text-slate-600">You will pay by {means} on the secure payment page.</span>
            </ChoiceCard>
            <ChoiceCard name="payment" value="wallet" checked={paymentMethod === "wallet"} onSelect={() => setPaymentMethod("wallet")}>
              <span className="font-medium">BBSCART wallet</span>
              <span className="text-slate-600" data-testid="checkout-wallet-balance">
                {wallet.data ? `Balance ${formatMoney(wallet.data.balance)}` : "Checking your balance…"}
              </span>
            </ChoiceCard>
            {store.codEnabled && (
              <ChoiceCard name="payment" value="cod" checked={paymentMethod === "cod"} onSelect={() => setPaymentMethod("cod")}>
                <span className="font-medium">Cash on delivery</span>
                <span className="text-slate-600">Pay when your order arrives.</span>
              </ChoiceCard>
            )}
          </fieldset>
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

      <aside className={`${panel} flex h-fit flex-col gap-4 lg:sticky lg:top-4`} aria-label="Order summary">
        <h2 className="text-lg font-semibold">Your order</h2>
        <CartProblems problems={view.problems} lines={view.lines} actions={actions} />
        <CartLines lines={view.lines} actions={actions} editable={false} />
        <CartTotals totals={view.totals} />
        <FormError message={placeError} />
        <button
          type="button"
          className={button.primary}
          disabled={place.isPending || place.isSuccess || !addressId || view.problems.length > 0 || walletShort}
          onClick={submit}
        >
          {place.isPending || place.isSuccess ? "Placing your order…" : `Place order · ${formatMoney(view.totals.total)}`}
        </button>
        {!addressId && <p className="text-sm text-slate-500">Pick or add a delivery address to continue.</p>}
      </aside>
    </div>
  );
}
