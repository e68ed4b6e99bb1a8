import { minorDigits } from "@bbscart/core";
import { walletTopUpInput } from "@bbscart/core/schemas";
import { useState, type FormEvent } from "react";
import { newRequestKey } from "../../lib/checkout-key";
import { trpc } from "../../lib/trpc";
import { Field, FormError, SubmitButton } from "../forms/field";
import { formText } from "../forms/field-errors";
import { useSchemaForm } from "../forms/use-schema-form";
import { usePaymentMeans, useStartPayment } from "../payments/start-payment";

/**
 * Adds money through the payment provider: `wallet.topUp` opens a payment (one per form, however
 * often it is submitted: the key is made once), the provider's page takes it, and the wallet is
 * credited when the provider says the money was taken (its webhook, or reconciliation asking it) —
 * never by this page.
 */
export function TopUpForm({ currency }: { currency: string }) {
  const [key] = useState(newRequestKey);
  const startPayment = useStartPayment();
  const { means } = usePaymentMeans();
  const topUp = trpc.wallet.topUp.useMutation({
    onSuccess: (started) => startPayment(started.clientSecret, "/wallet?topup=1"),
  });
  const { errors, submit: send } = useSchemaForm(walletTopUpInput, topUp);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const whole = Number(formText(new FormData(event.currentTarget), "amount"));
    return send({ amountMinor: Math.round(whole * 10 ** minorDigits(currency)), idempotencyKey: key });
  };
  return (
    <form noValidate onSubmit={(e) => void submit(e)} className="flex flex-col gap-3" aria-label="Add money">
      <FormError message={errors.form ?? errors.idempotencyKey} />
      <Field label={`Amount (${currency})`} name="amount" inputMode="decimal" placeholder="500" error={errors.amountMinor} />
      <SubmitButton busy={topUp.isPending || topUp.isSuccess}>{`Add money by ${means}`}</SubmitButton>
    </form>
  );
}
