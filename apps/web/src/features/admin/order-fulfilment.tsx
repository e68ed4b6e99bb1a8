import { orderBulkFulfilInput } from "@bbscart/core/schemas";
import { useState, type FormEvent } from "react";
import { Field, FormError } from "../forms/field";
import { serverErrors, validate, type FieldErrors } from "../forms/field-errors";
import { Panel } from "../ui/layout";
import { button } from "../ui/styles";
import { trpc } from "../../lib/trpc";

/** The selected rows, as the orders list knows them. */
export interface SelectedOrder {
  id: string;
  number: string;
  availableEvents: readonly string[];
}

/**
 * Packs the selected orders, or ships them each with its own carrier and tracking number: one
 * call, each order changed on its own by the API, and each row's outcome shown (one refused order
 * does not hold up the others).
 */
export function OrderFulfilment({ orders, onDone }: { orders: readonly SelectedOrder[]; onDone: (text: string, failed: readonly string[]) => void }) {
  const fulfil = trpc.admin.orders.bulkFulfil.useMutation();
  const [carrier, setCarrier] = useState("");
  const [tracking, setTracking] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<FieldErrors>({});
  const [outcomes, setOutcomes] = useState<Record<string, string>>({});
  const toShip = orders.filter((o) => o.availableEvents.includes("ship"));
  const toPack = orders.filter((o) => o.availableEvents.includes("pack"));

  const send = async (input: unknown) => {
    const checked = validate(orderBulkFulfilInput, input);
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    try {
      const { results } = await fulfil.mutateAsync(checked.value);
      const number = new Map(orders.map((o) => [o.id, o.number]));
      setOutcomes(Object.fromEntries(results.map((r) => [r.orderId, r.ok ? "Done" : (r.error?.message ?? "Refused")])));
      const failed = results.filter((r) => !r.ok).map((r) => `${number.get(r.orderId)}: ${r.error?.message}`);
      onDone(`${results.length - failed.length} of ${results.length} orders updated.`, failed);
    } catch (failure) {
      setErrors(serverErrors(failure));
    }
  };

  const ship = (e: FormEvent) => {
    e.preventDefault();
    void send({ items: toShip.map((o) => ({ orderId: o.id, event: { type: "ship", carrier, trackingNumber: tracking[o.id] ?? "" } })) });
  };

  return (
    <Panel title={`${orders.length} selected`}>
      <div className="flex flex-wrap items-center gap-3">
        <button type="button" className={button.secondary} disabled={toPack.length === 0 || fulfil.isPending} onClick={() => void send({ items: toPack.map((o) => ({ orderId: o.id, event: { type: "pack" } })) })}>
          Pack {toPack.length} {toPack.length === 1 ? "order" : "orders"}
        </button>
        <span className="text-sm text-slate-600">{toShip.length} of the selected can be shipped (packed orders).</span>
      </div>
      {toShip.length > 0 && (
        <form onSubmit={ship} className="mt-4 space-y-3" aria-label="Ship selected orders">
          <Field label="Carrier" value={carrier} onChange={(e) => setCarrier(e.target.value)} error={errors["items.0.event.carrier"]} />
          {toShip.map((o, i) => (
            <Field
              key={o.id}
              label={`Tracking number for ${o.number}`}
              value={tracking[o.id] ?? ""}
              onChange={(e) => setTracking((t) => ({ ...t, [o.id]: e.target.value }))}
              error={errors[`items.${i}.event.trackingNumber`] ?? (outcomes[o.id] && outcomes[o.id] !== "Done" ? outcomes[o.id] : undefined)}
            />
          ))}
          <button type="submit" className={button.primary} disabled={fulfil.isPending}>
            Ship {toShip.length} {toShip.length === 1 ? "order" : "orders"}
          </button>
        </form>
      )}
      <FormError message={errors.form ?? errors.items} />
    </Panel>
  );
}
