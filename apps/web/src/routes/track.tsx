import { trackOrderInput } from "@bbscart/core/schemas";
import type { FormEvent } from "react";
import { useNavigate } from "react-router";
import { guestOrderPath } from "../features/checkout/guest-checkout";
import { Field, FormError, SubmitButton } from "../features/forms/field";
import { formText } from "../features/forms/field-errors";
import { useSchemaForm } from "../features/forms/use-schema-form";
import { PageHeader, Panel } from "../features/ui/layout";
import { trpc } from "../lib/trpc";

/**
 * "Track your order" (ADR 142): the order number with the email or the mobile number it was placed
 * with opens the order. The API answers a wrong number and a wrong contact alike, and throttles
 * lookups, so this page can only say "no match" or "wait".
 */
export function TrackOrderPage() {
  const navigate = useNavigate();
  const track = trpc.guest.track.useMutation();
  const form = useSchemaForm(trackOrderInput, track);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const fields = new FormData(event.currentTarget);
    const contact = formText(fields, "contact").trim();
    // One box for either: an "@" means an email, anything else is taken as a phone number.
    const claim = contact.includes("@") ? { email: contact } : { phone: contact };
    await form.submit({ number: formText(fields, "number"), ...claim }, (order) => navigate(guestOrderPath(order.token)));
  };

  const { errors } = form;
  return (
    <>
      <PageHeader title="Track your order" />
      <Panel title="Find your order">
        <form noValidate onSubmit={(e) => void submit(e)} className="flex max-w-md flex-col gap-3" aria-label="Track your order">
          <Field label="Order number" name="number" placeholder="BB-10423" autoComplete="off" error={errors.number} />
          <Field label="Email or mobile number" name="contact" autoComplete="email" error={errors.email ?? errors.phone} />
          <FormError message={errors.form} />
          <SubmitButton busy={track.isPending}>Find my order</SubmitButton>
        </form>
      </Panel>
    </>
  );
}
