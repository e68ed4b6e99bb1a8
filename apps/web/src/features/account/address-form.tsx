import { addressInput } from "@bbscart/core/schemas";
import type { FormEvent } from "react";
import { trpc, type RouterOutputs } from "../../lib/trpc";
import { Field, FormError, SubmitButton } from "../forms/field";
import { formText } from "../forms/field-errors";
import { useSchemaForm } from "../forms/use-schema-form";
import { button } from "../ui/styles";

export type Address = RouterOutputs["auth"]["me"]["addresses"][number];

/** One line for an address, as a label or a list item shows it. */
export const addressLine = (a: Address) => [a.line1, a.line2, a.city, a.state, a.postalCode].filter(Boolean).join(", ");

/**
 * Adds an address to the signed-in shopper's book (validated with the API's own schema, the
 * API's refusals beside the fields) and hands the saved one back.
 */
export function AddressForm({ onSaved, onCancel }: { onSaved: (address: Address) => void; onCancel?: () => void }) {
  const utils = trpc.useUtils();
  const add = trpc.auth.addAddress.useMutation({ onSuccess: (me) => utils.auth.me.setData(undefined, me) });
  const { errors, submit: send } = useSchemaForm(addressInput, add);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (name: string) => formText(form, name);
    await send(
      {
      label: value("label"),
      name: value("name"),
      phone: value("phone"),
      line1: value("line1"),
      line2: value("line2"),
      city: value("city"),
      state: value("state"),
      postalCode: value("postalCode"),
      country: "IN",
      },
      (me) => {
        const saved = me.addresses.at(-1);
        if (saved) onSaved(saved);
      },
    );
  };

  return (
    <form noValidate onSubmit={(e) => void submit(e)} className="grid grid-cols-1 gap-3 sm:grid-cols-2" aria-label="New address">
      <div className="sm:col-span-2">
        <FormError message={errors.form ?? errors.addresses} />
      </div>
      <Field label="Full name" name="name" autoComplete="name" error={errors.name} />
      <Field label="Mobile number" name="phone" type="tel" autoComplete="tel" error={errors.phone} />
      <div className="sm:col-span-2">
        <Field label="Address line 1" name="line1" autoComplete="address-line1" error={errors.line1} />
      </div>
      <div className="sm:col-span-2">
        <Field label="Address line 2 (optional)" name="line2" autoComplete="address-line2" error={errors.line2} />
      </div>
      <Field label="City" name="city" autoComplete="address-level2" error={errors.city} />
      <Field label="State" name="state" autoComplete="address-level1" error={errors.state} />
      <Field label="PIN code" name="postalCode" autoComplete="postal-code" inputMode="numeric" error={errors.postalCode} />
      <Field label="Label (optional, e.g. Home)" name="label" error={errors.label} />
      <div className="flex gap-3 sm:col-span-2">
        <SubmitButton busy={add.isPending}>Save address</SubmitButton>
        {onCancel && (
          <button type="button" className={button.secondary} onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
