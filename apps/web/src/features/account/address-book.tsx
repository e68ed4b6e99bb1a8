import { useState } from "react";
import { trpc, type RouterOutputs } from "../../lib/trpc";
import { button } from "../ui/styles";
import { AddressForm, addressLine } from "./address-form";

type Me = RouterOutputs["auth"]["me"];

export function AddressBook({ me }: { me: Me }) {
  const [adding, setAdding] = useState(false);
  const utils = trpc.useUtils();
  const remove = trpc.auth.removeAddress.useMutation({ onSuccess: (next) => utils.auth.me.setData(undefined, next) });
  return (
    <div className="flex flex-col gap-3">
      {me.addresses.length === 0 && !adding && <p className="text-sm text-slate-500">No saved addresses yet.</p>}
      <ul className="flex flex-col gap-2">
        {me.addresses.map((address) => (
          <li key={address.id} className="flex items-start justify-between gap-3 rounded-xl border border-slate-200 p-3 text-sm">
            <span>
              <span className="font-medium">{address.name}</span>
              {address.label && <span className="ml-2 rounded bg-slate-100 px-1.5 text-xs text-slate-600">{address.label}</span>}
              <span className="block text-slate-600">{addressLine(address)}</span>
              <span className="block text-slate-500">{address.phone}</span>
            </span>
            <button type="button" className="text-slate-600 hover:underline" disabled={remove.isPending} onClick={() => remove.mutate({ addressId: address.id })}>
              Remove<span className="sr-only"> address of {address.name}</span>
            </button>
          </li>
        ))}
      </ul>
      {adding ? (
        <AddressForm onSaved={() => setAdding(false)} onCancel={() => setAdding(false)} />
      ) : (
        <button type="button" className={`${button.link} self-start`} onClick={() => setAdding(true)}>
          + Add an address
        </button>
      )}
    </div>
  );
}
