import { formatMoney } from "@bbscart/core";
import { guestCheckoutInput } from "@bbscart/core/schemas";
import { useState, type FormEvent } from "react";
import { useNavigate } from "react-router";
import { cartSignature, useCart, useCartActions } from "../cart/use-cart";
import { AddressFields, addressFromForm } from "../account/address-form";
import { Field } from "../forms/field";
import { fieldsUnder, formText } from "../forms/field-errors";
import { useSchemaForm } from "../forms/use-schema-form";
import { useStartPayment } from "../payments/start-payment";
import { Panel } from "../ui/layout";
import { ErrorState, Loading } from "../ui/states";
import { button } from "../ui/styles";
import { checkoutKey, finishCheckout } from "../../lib/checkout-key";
import { trpc, type RouterOutputs } from "../../lib/trpc";
import { DeliveryOptions, OrderSummary, PaymentChoices } from "./choices";

type StoreInfo = RouterOutputs["catalog"]["storeInfo"];

/** Where a guest's order is shown: its signed link, the same one the confirmation email carries. */
export const guestOrderPath = (token: string) => `/orders/view?token=${encodeURIComponent(token)}`;

/**
 * Checkout without an account (ADR 141): email and mobile number to reach the guest, the delivery
 * address (validated like a saved one, by the API's own schema), delivery and card or cash on
 * delivery — a wallet needs an account. The guest's cookie cart is what gets ordered; the order
 * opens by its signed link afterwards.
 */
export function GuestCheckout({ store }: { store: StoreInfo }) {
  const navigate = useNavigate();
  const utils = trpc.useUtils();
  const [deliveryOptionId, setDeliveryOptionId] = useState(store.deliveryOptions[0]?.id ?? "");
  const [paymentMethod, setPaymentMethod] = useState<"card" | "cod">("card");
  const cart = useCart(deliveryOptionId);
  const actions = useCartActions();
  const startPayment = useStartPayment();
  const place = trpc.guest.checkout.useMutation();
  const form = useSchemaForm(guestCheckoutInput, place);

  if (cart.error && !cart.data) return <ErrorState error={cart.error} onRetry={cart.refetch} />;
  if (!cart.data) return <Loading label="Loading your cart…" />;
  const view = cart.data;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const fields = new FormData(event.currentTarget);
    const text = (name: string) => formText(fields, name);
    const signature = cartSignature(view);
    await form.submit(
      {
        email: text("email"),
        phone: text("phone"),
        address: addressFromForm(fields),
        deliveryOptionId,
        paymentMethod,
        idempotencyKey: checkoutKey(signature),
      },
      async (receipt) => {
        finishCheckout(signature);
        void utils.cart.get.invalidate();
        const orderPage = guestOrderPath(receipt.token);
        if (receipt.paymentMethod === "card" && receipt.clientSecret) {
          await startPayment(receipt.clientSecret, `${orderPage}&paid=1`).then((outcome) => (outcome === "dismissed" ? navigate(orderPage) : undefined), () => navigate(orderPage));
        } else {
          await navigate(`${orderPage}&placed=1`);
        }
      },
    );
  };

  const { errors } = form;
  return (
    <form noValidate onSubmit={(e) => void submit(e)} className="grid grid-cols-1 gap-6 lg:grid-cols-[1fr_24rem]" aria-label="Guest checkout">
      <div className="flex flex-col gap-6">
        <Panel title="1. Your contact">
          <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
            <Field label="Email" name="email" type="email" autoComplete="email" error={errors.email} />
            <Field label="Mobile number" name="phone" type="tel" autoComplete="tel" placeholder="98765 43210" error={errors.phone ?? errors["address.phone"]} />
          </div>
          <p className="mt-2 text-sm text-slate-500">We send the order confirmation and its link here. Create an account later with this email to see the order there.</p>
        </Panel>
        <Panel title="2. Delivery address">
          <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
            <AddressFields errors={fieldsUnder(errors, "address")} withPhone={false} />
          </div>
        </Panel>
        <Panel title="3. Delivery">
          <DeliveryOptions store={store} selected={deliveryOptionId} onSelect={setDeliveryOptionId} />
        </Panel>
        <Panel title="4. Payment">
          <PaymentChoices method={paymentMethod} onSelect={setPaymentMethod} codEnabled={store.codEnabled} />
          <p className="mt-2 text-sm text-slate-500">Paying from a BBSCART wallet needs an account.</p>
        </Panel>
      </div>
      <OrderSummary view={view} actions={actions} error={errors.form ?? errors.idempotencyKey ?? errors.paymentMethod ?? errors.deliveryOptionId}>
        <button type="submit" className={button.primary} disabled={place.isPending || place.isSuccess || view.lines.length === 0 || view.problems.length > 0}>
          {place.isPending || place.isSuccess ? "Placing your order…" : `Place order · ${formatMoney(view.totals.total)}`}
        </button>
      </OrderSummary>
    </form>
  );
}
