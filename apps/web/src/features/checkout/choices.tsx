import { formatMoney } from "@bbscart/core";
import type { ReactNode } from "react";
import type { RouterOutputs } from "../../lib/trpc";
import { CartLines } from "../cart/cart-lines";
import { CartProblems } from "../cart/cart-problems";
import { CartTotals } from "../cart/cart-totals";
import type { CartActions, CartView } from "../cart/use-cart";
import { FormError } from "../forms/field";
import { methodLabel } from "../orders/status";
import { usePaymentMeans } from "../payments/start-payment";
import { panel } from "../ui/styles";

/** A radio button drawn as a selectable card, as checkout lists addresses, delivery and payment. */
export function ChoiceCard({
  name,
  value,
  checked,
  onSelect,
  disabled = false,
  children,
}: {
  name: string;
  value: string;
  checked: boolean;
  onSelect: (value: string) => void;
  disabled?: boolean;
  children: ReactNode;
}) {
  return (
    <label className="flex cursor-pointer items-start gap-3 rounded-xl border border-slate-300 bg-white p-3 has-checked:border-teal-700 has-checked:bg-teal-50 has-disabled:cursor-not-allowed has-disabled:opacity-60">
      <input type="radio" name={name} value={value} checked={checked} disabled={disabled} onChange={() => onSelect(value)} className="mt-1 h-4 w-4 accent-teal-700" />
      <span className="flex min-w-0 flex-1 flex-col gap-0.5 text-sm">{children}</span>
    </label>
  );
}

type StoreInfo = RouterOutputs["catalog"]["storeInfo"];

/** The store's delivery options as choice cards: label, days and fee (and from what total it is free). */
export function DeliveryOptions({ store, selected, onSelect }: { store: StoreInfo; selected: string; onSelect: (id: string) => void }) {
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="sr-only">Delivery option</legend>
      {store.deliveryOptions.map((option) => (
        <ChoiceCard key={option.id} name="delivery" value={option.id} checked={selected === option.id} onSelect={onSelect}>
          <span className="font-medium">{option.label}</span>
          <span className="text-slate-600">
            {option.etaDays.min}–{option.etaDays.max} days · {formatMoney({ minor: option.feeMinor, currency: store.currency })}
            {option.freeOverMinor !== null && `, free over ${formatMoney({ minor: option.freeOverMinor, currency: store.currency })}`}
          </span>
        </ChoiceCard>
      ))}
    </fieldset>
  );
}

/**
 * The payment methods as choice cards: paying on the provider's page first, then `children` (the
 * wallet, for an account), then cash on delivery where the store takes it.
 */
export function PaymentChoices({ method, onSelect, codEnabled, children }: { method: string; onSelect: (method: "card" | "cod") => void; codEnabled: boolean; children?: ReactNode }) {
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="sr-only">Payment method</legend>
      <CardChoice checked={method === "card"} onSelect={() => onSelect("card")} />
      {children}
      {codEnabled && <CodChoice checked={method === "cod"} onSelect={() => onSelect("cod")} />}
    </fieldset>
  );
}

/** Paying on the provider's page, named by what it takes. */
function CardChoice({ checked, onSelect }: { checked: boolean; onSelect: () => void }) {
  const { means, cardsOnly } = usePaymentMeans();
  return (
    <ChoiceCard name="payment" value="card" checked={checked} onSelect={onSelect}>
      <span className="font-medium">{methodLabel("card", cardsOnly)}</span>
      <span className="text-slate-600">You will pay by {means} on the secure payment page.</span>
    </ChoiceCard>
  );
}

function CodChoice({ checked, onSelect }: { checked: boolean; onSelect: () => void }) {
  return (
    <ChoiceCard name="payment" value="cod" checked={checked} onSelect={onSelect}>
      <span className="font-medium">Cash on delivery</span>
      <span className="text-slate-600">Pay when your order arrives.</span>
    </ChoiceCard>
  );
}

/** Checkout's summary beside the form: the cart's problems, lines and totals, the refusal, and the place button (`children`). */
export function OrderSummary({ view, actions, error, children }: { view: CartView; actions: CartActions; error: string | undefined; children: ReactNode }) {
  return (
    <aside className={`${panel} flex h-fit flex-col gap-4 lg:sticky lg:top-4`} aria-label="Order summary">
      <h2 className="text-lg font-semibold">Your order</h2>
      <CartProblems problems={view.problems} lines={view.lines} actions={actions} />
      <CartLines lines={view.lines} actions={actions} editable={false} />
      <CartTotals totals={view.totals} />
      <FormError message={error} />
      {children}
    </aside>
  );
}
