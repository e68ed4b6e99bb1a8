import { productCreateInput, productUpdateInput, variantCreateInput } from "@bbscart/core/schemas";
import { useState, type FormEvent } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { parseAmount, parseScaled, scaledText } from "../../features/admin/amount";
import { ProductImages, type GalleryImage } from "../../features/admin/product-images";
import { VariantEditor } from "../../features/admin/variant-editor";
import { Field, FormError, SelectField, TextAreaField } from "../../features/forms/field";
import { fieldMessage, formText } from "../../features/forms/field-errors";
import { useSchemaForm } from "../../features/forms/use-schema-form";
import { PageHeader, Panel, Status } from "../../features/ui/layout";
import { QueryView } from "../../features/ui/states";
import { button } from "../../features/ui/styles";
import { trpc, type RouterOutputs } from "../../lib/trpc";

type AdminProduct = RouterOutputs["admin"]["catalog"]["product"];

/** `/admin/products/new` creates a product with its first variant; `/admin/products/:id` edits one. */
export function ProductEditorPage() {
  const { productId } = useParams();
  const product = trpc.admin.catalog.product.useQuery({ productId: productId ?? "" }, { enabled: productId !== undefined });
  const store = trpc.catalog.storeInfo.useQuery();
  return (
    <>
      <Link to="/admin/products" className="text-sm font-medium text-teal-700 hover:underline">
        ← All products
      </Link>
      <QueryView query={store} label="the store's currency">
        {({ currency }) =>
          productId === undefined ? (
            <ProductForm product={null} currency={currency} />
          ) : (
            <QueryView query={product} label="the product">
              {(data) => (
                <>
                  <ProductForm key={data.id} product={data} currency={currency} />
                  <div className="mt-6">
                    <VariantEditor product={data} currency={currency} />
                  </div>
                </>
              )}
            </QueryView>
          )
        }
      </QueryView>
    </>
  );
}

function ProductForm({ product, currency }: { product: AdminProduct | null; currency: string }) {
  const navigate = useNavigate();
  const utils = trpc.useUtils();
  const categories = trpc.admin.catalog.categories.useQuery();
  const create = trpc.admin.catalog.createProduct.useMutation();
  const update = trpc.admin.catalog.updateProduct.useMutation();
  const [images, setImages] = useState<GalleryImage[]>(product?.images ?? []);
  const creating = useSchemaForm(productCreateInput, create);
  const updating = useSchemaForm(productUpdateInput, update);
  // One form or the other for this page's whole life: the route remounts it for another product.
  const { errors, setErrors } = product ? updating : creating;
  const [saved, setSaved] = useState<string | null>(null);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => formText(form, name).trim();
    const taxRateBp = text("tax") === "" ? null : parseScaled(text("tax"), 2);
    if (taxRateBp === null && text("tax") !== "") return setErrors({ taxRateBp: fieldMessage(productCreateInput.shape.taxRateBp, "must be a percentage such as 18") });
    const fields = {
      name: text("name"),
      ...(text("slug") ? { slug: text("slug") } : {}),
      description: text("description"),
      categoryId: text("categoryId"),
      active: form.get("active") === "on",
      taxRateBp,
      hsnCode: text("hsnCode") === "" ? null : text("hsnCode"),
      images: images.map((image) => image.key),
      imageAlts: images.map((image) => image.alt),
    };
    setSaved(null);
    if (product) {
      return updating.submit({ productId: product.id, ...fields }, (updated) => {
        utils.admin.catalog.product.setData({ productId: product.id }, updated);
        setSaved("Product saved.");
      });
    }
    const priceMinor = parseAmount(text("price"), currency);
    if (priceMinor === null) return setErrors({ "variants.0.priceMinor": fieldMessage(variantCreateInput.shape.priceMinor, "must be an amount such as 499.00") });
    const variant = { sku: text("sku"), name: text("variantName"), priceMinor, stockOnHand: Number(text("stock") || 0) };
    return creating.submit({ ...fields, variants: [variant] }, (created) => navigate(`/admin/products/${created.id}`, { replace: true }));
  };

  const busy = create.isPending || update.isPending;
  return (
    <>
      <PageHeader title={product ? product.name : "New product"} description={product ? `/${product.slug}` : "A product goes on sale with at least one variant."} />
      <form noValidate onSubmit={(e) => void submit(e)} className="flex flex-col gap-6" aria-label="Product">
        <FormError message={errors.form} />
        <Panel title="Details">
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label="Name" name="name" defaultValue={product?.name} required error={errors.name} />
            <Field label="URL slug (optional)" name="slug" defaultValue={product?.slug} error={errors.slug} placeholder="made from the name" />
            <SelectField label="Category" name="categoryId" defaultValue={product?.categoryId ?? ""} error={errors.categoryId}>
              <option value="" disabled>
                Choose a category
              </option>
              {/* Live categories, plus the product's own if it is archived (it may stay there while the product is archived). */}
              {categories.data
                ?.filter((c) => !c.archivedAt || c.id === product?.categoryId)
                .map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.archivedAt ? `${c.name} (archived)` : c.name}
                  </option>
                ))}
            </SelectField>
            <Field
              label="HSN / SAC code"
              name="hsnCode"
              inputMode="numeric"
              defaultValue={product?.hsnCode ?? ""}
              placeholder="e.g. 1006"
              error={errors.hsnCode}
            />
            <Field
              label="GST rate override (%)"
              name="tax"
              inputMode="decimal"
              defaultValue={product?.taxRateBp === null || product?.taxRateBp === undefined ? "" : scaledText(product.taxRateBp, 2)}
              placeholder="store rate; one of the store's GST rates"
              error={errors.taxRateBp}
            />
            <div className="sm:col-span-2">
              <TextAreaField label="Description" name="description" rows={5} defaultValue={product?.description} error={errors.description} />
            </div>
            <label className="flex items-center gap-2 text-sm font-medium text-slate-700">
              <input type="checkbox" name="active" defaultChecked={product?.active ?? true} className="h-4 w-4" /> On sale in the shop
            </label>
          </div>
        </Panel>
        <Panel title="Images">
          <ProductImages images={images} onChange={setImages} error={errors.images} errors={errors} />
        </Panel>
        {!product && (
          <Panel title="First variant">
            <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
              <Field label="SKU" name="sku" required error={errors["variants.0.sku"]} />
              <Field label="Variant name" name="variantName" placeholder="e.g. 500 g" error={errors["variants.0.name"]} />
              <Field label={`Price (${currency})`} name="price" inputMode="decimal" required error={errors["variants.0.priceMinor"]} />
              <Field label="Stock on hand" name="stock" type="number" min={0} defaultValue={0} error={errors["variants.0.stockOnHand"]} />
            </div>
            <FormError message={errors.variants} />
          </Panel>
        )}
        <div className="flex items-center justify-end gap-3">
          <Status message={saved} />
          <button type="submit" className={button.primary} disabled={busy}>
            {busy ? "Saving…" : product ? "Save product" : "Create product"}
          </button>
        </div>
      </form>
    </>
  );
}
