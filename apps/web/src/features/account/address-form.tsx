import { ADDRESS_FIX_LABELS, INDIAN_STATES, stateByCode } from "@bbscart/core";
import { addressInput, updateAddressInput } from "@bbscart/core/schemas";
import type { FormEvent } from "react";
import { trpc, type RouterOutputs } from "../../lib/trpc";
import { Field, FormError, SelectField, SubmitButton } from "../forms/field";
import { formText } from "../forms/field-errors";
import { useSchemaForm } from "../forms/use-schema-form";
import { button } from "../ui/styles";

export type Address = RouterOutputs["auth"]["me"]["addresses"][number];

/** One line for an address, as a label or a list item shows it: the state by name, not code. */
export const addressLine = (a: Omit<Address, "fixes">) => [a.line1, a.line2, a.city, stateByCode(a.state)?.name ?? a.state, a.postalCode].filter(Boolean).join(", ");

/** "Please fix: State, PIN code": what an address saved before the rules needs (ADR 140), empty when nothing. */
export const fixesNote = (a: Address) => (a.fixes.length > 0 ? `Please fix: ${a.fixes.map((f) => ADDRESS_FIX_LABELS[f]).join(", ")}` : "");

/** State picked from the list of states and union territories (their codes), as every address form asks it. */
export function StateSelect({ defaultValue, error }: { defaultValue: string; error: string | undefined }) {
  return (
    <SelectField label="State" name="state" autoComplete="address-level1" defaultValue={defaultValue} error={error}>
      <option value="" disabled>
        Pick a state or union territory
      </option>
      {INDIAN_STATES.map((s) => (
        <option key={s.code} value={s.code}>
          {s.name}
        </option>
      ))}
    </SelectField>
  );
}

/** The address a form sends, read from the inputs `AddressFields` draws (and a "label" input, when the form has one). */
export const addressFromForm = (form: FormData) => {
  const value = (name: string) => formText(form, name);
  return {
    label: value("label"),
    name: value("name"),
    phone: value("phone"),
    line1: value("line1"),
    line2: value("line2"),
    city: value("city"),
    state: value("state"),
    postalCode: value("postalCode"),
    country: "IN",
  };
};

type Errors = Partial<Record<string, string>>;

/**
 * An address's own inputs, name to PIN code, as the address book and guest checkout both ask them.
 * `errors` are keyed by the address's field names; `withPhone` false leaves the mobile number to a
 * field the form draws elsewhere (guest checkout asks it once, with the email).
 */
export function AddressFields({ address, errors, withPhone = true }: { address?: Address | undefined; errors: Errors; withPhone?: boolean }) {
  const knownState = address && stateByCode(address.state) ? address.state : "";
  const name = <Field label="Full name" name="name" autoComplete="name" defaultValue={address?.name} error={errors.name} />;
  return (
    <>
      {withPhone ? (
        <>
          {name}
          <Field label="Mobile number" name="phone" type="tel" autoComplete="tel" placeholder="98765 43210" defaultValue={address?.phone} error={errors.phone} />
        </>
      ) : (
        <div className="sm:col-span-2">{name}</div>
      )}
      <div className="sm:col-span-2">
        <Field label="Address line 1" name="line1" autoComplete="address-line1" defaultValue={address?.line1} error={errors.line1} />
      </div>
      <div className="sm:col-span-2">
        <Field label="Address line 2 (optional)" name="line2" autoComplete="address-line2" defaultValue={address?.line2 ?? ""} error={errors.line2} />
      </div>
      <Field label="City" name="city" autoComplete="address-level2" defaultValue={address?.city} error={errors.city} />
      <StateSelect defaultValue={knownState} error={errors.state} />
      <Field label="PIN code" name="postalCode" autoComplete="postal-code" inputMode="numeric" maxLength={7} defaultValue={address?.postalCode} error={errors.postalCode} />
    </>
  );
}

/**
 * Adds an address to the signed-in shopper's book, or edits `address` (validated with the API's
 * own schema, the API's refusals beside the fields), and hands the saved one back. State is picked
 * from the list of states and union territories; a state saved as free text before the list shows
 * no choice, so the shopper must pick one.
 */
export function AddressForm({ address, onSaved, onCancel }: { address?: Address; onSaved: (address: Address) => void; onCancel?: () => void }) {
  const utils = trpc.useUtils();
  const onSuccess = (me: RouterOutputs["auth"]["me"]) => utils.auth.me.setData(undefined, me);
  const add = trpc.auth.addAddress.useMutation({ onSuccess });
  const update = trpc.auth.updateAddress.useMutation({ onSuccess });
  const adding = useSchemaForm(addressInput, add);
  const editing = useSchemaForm(updateAddressInput, update);
  const { errors } = address ? editing : adding;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const fields = addressFromForm(new FormData(event.currentTarget));
    if (address) {
      await editing.submit({ ...fields, addressId: address.id }, (me) => {
        const saved = me.addresses.find((a) => a.id === address.id);
        if (saved) onSaved(saved);
      });
    } else {
      await adding.submit(fields, (me) => {
        const saved = me.addresses.at(-1);
        if (saved) onSaved(saved);
      });
    }
  };

  return (
    <form noValidate onSubmit={(e) => void submit(e)} className="grid grid-cols-1 gap-3 sm:grid-cols-2" aria-label={address ? "Edit address" : "New address"}>
      <div className="sm:col-span-2">
        <FormError message={errors.form ?? errors.addresses ?? errors.addressId} />
      </div>
      <AddressFields address={address} errors={errors} />
      <Field label="Label (optional, e.g. Home)" name="label" defaultValue={address?.label ?? ""} error={errors.label} />
      <div className="flex gap-3 sm:col-span-2">
        <SubmitButton busy={add.isPending || update.isPending}>Save address</SubmitButton>
        {onCancel && (
          <button type="button" className={button.secondary} onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
