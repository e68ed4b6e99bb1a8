import { useState } from "react";
import { trpc, type RouterOutputs } from "../../lib/trpc";
import { ChoiceCard } from "../checkout/choices";
import { button } from "../ui/styles";
import { AddressForm, addressLine, fixesNote, type Address } from "./address-form";

type Me = RouterOutputs["auth"]["me"];

/** What checkout passes to pick the delivery address from the book. */
export interface AddressChoice {
  selectedId: string | null;
  onSelect: (addressId: string | null) => void;
}

/** The address checkout preselects: the default (the book's first) or the next that needs no fixing, none otherwise. */
export const preselectedAddress = (me: Me): string | null => me.addresses.find((a) => a.fixes.length === 0)?.id ?? null;

function AddressSummary({ address, isDefault }: { address: Address; isDefault: boolean }) {
  const note = fixesNote(address);
  return (
    <>
      <span className="font-medium">
        {address.name}
        {address.label && <span className="ml-2 rounded bg-slate-100 px-1.5 text-xs text-slate-600">{address.label}</span>}
        {isDefault && <span className="ml-2 rounded bg-teal-50 px-1.5 text-xs text-teal-800">Default</span>}
      </span>
      <span className="block text-slate-600">{addressLine(address)}</span>
      <span className="block text-slate-500">{address.phone}</span>
      {note && <span className="block text-red-700">{note}</span>}
    </>
  );
}

/**
 * The shopper's address book, one component for the account page and checkout: each address can be
 * edited, made the default or removed; with `choice` (checkout) they are radio cards, and an address
 * that needs fixing (ADR 140) cannot be picked until it is edited.
 */
export function AddressBook({ me, choice }: { me: Me; choice?: AddressChoice }) {
  const [adding, setAdding] = useState(me.addresses.length === 0 && choice !== undefined);
  const [editingId, setEditingId] = useState<string | null>(null);
  const utils = trpc.useUtils();
  const onSuccess = (next: Me) => utils.auth.me.setData(undefined, next);
  const remove = trpc.auth.removeAddress.useMutation({ onSuccess });
  const makeDefault = trpc.auth.setDefaultAddress.useMutation({ onSuccess });
  const busy = remove.isPending || makeDefault.isPending;

  const actions = (address: Address, index: number) => (
    <span className="flex shrink-0 flex-wrap gap-3 text-sm">
      <button type="button" className="text-teal-800 hover:underline" onClick={() => setEditingId(address.id)}>
        Edit<span className="sr-only"> address of {address.name}</span>
      </button>
      {index > 0 && (
        <button type="button" className="text-slate-600 hover:underline" disabled={busy} onClick={() => makeDefault.mutate({ addressId: address.id })}>
          Make default<span className="sr-only"> address of {address.name}</span>
        </button>
      )}
      {!choice && (
        <button
          type="button"
          className="text-slate-600 hover:underline"
          disabled={busy}
          onClick={() => remove.mutate({ addressId: address.id })}
        >
          Remove<span className="sr-only"> address of {address.name}</span>
        </button>
      )}
    </span>
  );

  return (
    <div className="flex flex-col gap-3">
      {me.addresses.length === 0 && !adding && <p className="text-sm text-slate-500">No saved addresses yet.</p>}
      <ul className="flex flex-col gap-2" aria-label="Saved addresses">
        {me.addresses.map((address, index) =>
          editingId === address.id ? (
            <li key={address.id} className="rounded-xl border border-slate-200 p-3">
              <AddressForm
                address={address}
                onSaved={(saved) => {
                  setEditingId(null);
                  if (choice && saved.fixes.length === 0) choice.onSelect(saved.id);
                }}
                onCancel={() => setEditingId(null)}
              />
            </li>
          ) : (
            <li key={address.id} className="flex items-start justify-between gap-3 rounded-xl border border-slate-200 p-3 text-sm">
              {choice ? (
                <ChoiceCard name="address" value={address.id} checked={choice.selectedId === address.id} disabled={address.fixes.length > 0} onSelect={choice.onSelect}>
                  <AddressSummary address={address} isDefault={index === 0} />
                </ChoiceCard>
              ) : (
                <span>
                  <AddressSummary address={address} isDefault={index === 0} />
                </span>
              )}
              {actions(address, index)}
            </li>
          ),
        )}
      </ul>
      {adding ? (
        <AddressForm
          onSaved={(saved) => {
            setAdding(false);
            choice?.onSelect(saved.id);
          }}
          onCancel={me.addresses.length > 0 || !choice ? () => setAdding(false) : undefined}
        />
      ) : (
        <button type="button" className={`${button.link} self-start`} onClick={() => setAdding(true)}>
          + Add {choice ? "a new" : "an"} address
        </button>
      )}
    </div>
  );
}
