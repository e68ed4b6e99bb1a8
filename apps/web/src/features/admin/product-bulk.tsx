import { formatMoney } from "@bbscart/core";
import { priceChangeBp, productBulkInput } from "@bbscart/core/schemas";
import { useState, type FormEvent } from "react";
import { Field, FormError, SelectField } from "../forms/field";
import { fieldMessage, formText, serverErrors } from "../forms/field-errors";
import { useSchemaForm } from "../forms/use-schema-form";
import { ConfirmDialog } from "../ui/dialog";
import { Panel } from "../ui/layout";
import { button } from "../ui/styles";
import { Table } from "../ui/table";
import { trpc, type RouterOutputs } from "../../lib/trpc";

type Preview = RouterOutputs["admin"]["catalog"]["pricePreview"];
type Category = { id: string; name: string };

/** "+10" or "-12.5" (percent, as typed) → basis points; null when it is not a number with at most two decimals. */
export function percentToBp(text: string): number | null {
  const trimmed = text.trim().replace(/%$/, "");
  if (!/^[+-]?\d+(\.\d{1,2})?$/.test(trimmed)) return null;
  return Math.round(Number(trimmed) * 100);
}

/**
 * What to do with the selected products: archive, restore, move to a category, or change prices
 * by a percentage. A price change is previewed (every variant's old → new price, computed by the
 * API with the same rounding it applies) and applied only from the preview, in one transaction.
 */
export function ProductBulkActions({ productIds, categories, onDone }: { productIds: string[]; categories: readonly Category[]; onDone: (message: string) => void }) {
  const bulk = trpc.admin.catalog.bulkUpdate.useMutation();
  const preview = trpc.admin.catalog.pricePreview.useMutation();
  const { errors, setErrors, check, send } = useSchemaForm(productBulkInput, bulk);
  const [kind, setKind] = useState("archive");
  const [pending, setPending] = useState<{ changeBp: number; preview: Preview } | null>(null);
  const count = `${productIds.length} product${productIds.length === 1 ? "" : "s"}`;

  const apply = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    if (kind === "price") {
      const changeBp = percentToBp(formText(form, "percent"));
      const parsed = changeBp === null ? null : priceChangeBp.safeParse(changeBp);
      if (changeBp === null || !parsed?.success) return setErrors({ "action.changeBp": parsed?.error?.issues[0]?.message ?? fieldMessage(priceChangeBp, "must be a percentage such as 10 or -12.5") });
      try {
        setErrors({});
        setPending({ changeBp, preview: await preview.mutateAsync({ productIds, changeBp }) });
      } catch (failure) {
        setErrors(serverErrors(failure));
      }
      return;
    }
    const action = kind === "category" ? { type: "category", categoryId: formText(form, "categoryId") } : { type: kind };
    const checked = check({ productIds, action });
    if (checked) await send(checked, (result) => onDone(`${kind === "category" ? "Moved" : kind === "archive" ? "Archived" : "Restored"} ${result.updated} product${result.updated === 1 ? "" : "s"}.`));
  };

  const applyPrices = async () => {
    if (!pending) return;
    await send({ productIds, action: { type: "price", changeBp: pending.changeBp } }, (result) => onDone(`Changed ${result.changes.length} prices of ${result.updated} products.`));
    setPending(null);
  };

  return (
    <Panel title={`Bulk action on ${count}`}>
      <form noValidate onSubmit={(e) => void apply(e)} className="flex flex-wrap items-end gap-3" aria-label="Bulk action">
        <SelectField label="Action" name="kind" value={kind} onChange={(e) => setKind(e.target.value)}>
          <option value="archive">Archive</option>
          <option value="restore">Restore</option>
          <option value="category">Move to category</option>
          <option value="price">Change price by %</option>
        </SelectField>
        {kind === "category" && (
          <SelectField label="Category" name="categoryId" error={errors.categoryId}>
            {categories.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </SelectField>
        )}
        {kind === "price" && <Field label="Change (%)" name="percent" inputMode="decimal" placeholder="10 or -12.5" error={errors["action.changeBp"]} />}
        <button type="submit" className={button.primary} disabled={bulk.isPending || preview.isPending}>
          {kind === "price" ? "Preview prices…" : "Apply"}
        </button>
      </form>
      <FormError message={errors.form ?? errors.productIds} />
      <ConfirmDialog open={pending !== null} title="Apply these prices?" confirmLabel="Apply prices" busy={bulk.isPending} onConfirm={() => void applyPrices()} onClose={() => setPending(null)}>
        {pending && (
          <div className="max-h-80 overflow-y-auto">
            <Table
              caption="New prices"
              head={
                <>
                  <th scope="col" className="py-2 pr-3">SKU</th>
                  <th scope="col" className="pr-3 text-right">Now</th>
                  <th scope="col" className="text-right">New</th>
                </>
              }
            >
              {pending.preview.changes.map((change) => (
                <tr key={change.variantId}>
                  <td className="py-1 pr-3">{change.sku}</td>
                  <td className="pr-3 text-right tabular-nums">{formatMoney(change.before)}</td>
                  <td className="text-right tabular-nums font-semibold">{formatMoney(change.after)}</td>
                </tr>
              ))}
            </Table>
          </div>
        )}
      </ConfirmDialog>
    </Panel>
  );
}
