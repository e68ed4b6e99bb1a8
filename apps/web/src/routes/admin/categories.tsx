import { categoryInput, categoryUpdateInput } from "@bbscart/core/schemas";
import { useState, type ChangeEvent, type FormEvent } from "react";
import { buildTree, flatten, subtreeIds, type TreeNode } from "../../features/admin/category-tree";
import { uploadImage } from "../../features/admin/upload-image";
import { Field, FormError, SelectField, SubmitButton, TextAreaField } from "../../features/forms/field";
import { formText, serverErrors, type FieldErrors } from "../../features/forms/field-errors";
import { useSchemaForm } from "../../features/forms/use-schema-form";
import { Badge, PageHeader, Panel, Status } from "../../features/ui/layout";
import { QueryView } from "../../features/ui/states";
import { button } from "../../features/ui/styles";
import { trpc, type RouterOutputs } from "../../lib/trpc";

type Category = RouterOutputs["admin"]["catalog"]["categories"][number];
type Node = TreeNode<Category>;

/** "— — Tea" under "Kitchen" under "Home": the tree in a `<select>`. */
const indented = (node: Node) => `${"— ".repeat(node.depth)}${node.category.name}${node.category.archivedAt ? " (archived)" : ""}`;

/**
 * The category tree: create, rename, describe and picture, move under another category, reorder
 * among siblings, archive and restore. Every change is one call the API checks against the whole
 * tree (no cycles, nothing archived while it still holds something on sale).
 */
export function CategoriesPage() {
  const categories = trpc.admin.catalog.categories.useQuery();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const utils = trpc.useUtils();
  const refresh = () => Promise.all([utils.admin.catalog.categories.invalidate(), utils.catalog.categories.invalidate()]);

  return (
    <>
      <PageHeader title="Categories" description="The shop's shelves: what shoppers browse by, in the order shown here." />
      <Status message={message} />
      <QueryView query={categories} label="categories">
        {(list) => {
          const tree = buildTree(list);
          const selected = flatten(tree).find((node) => node.category.id === selectedId) ?? null;
          return (
            <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,24rem)]">
              <Panel title="Tree">
                {tree.length === 0 ? (
                  <p className="text-sm text-slate-600">No categories yet: create the first one.</p>
                ) : (
                  <CategoryList nodes={tree} selectedId={selectedId} onSelect={setSelectedId} onMoved={(text) => void refresh().then(() => setMessage(text))} />
                )}
              </Panel>
              <div className="flex flex-col gap-6">
                {selected && (
                  <EditCategory
                    key={selected.category.id}
                    node={selected}
                    tree={tree}
                    onDone={(text) => void refresh().then(() => setMessage(text))}
                  />
                )}
                <NewCategory
                  tree={tree}
                  onCreated={(category) => {
                    setSelectedId(category.id);
                    void refresh().then(() => setMessage(`Created ${category.name}.`));
                  }}
                />
              </div>
            </div>
          );
        }}
      </QueryView>
    </>
  );
}

function CategoryList({ nodes, selectedId, onSelect, onMoved }: { nodes: Node[]; selectedId: string | null; onSelect: (id: string) => void; onMoved: (message: string) => void }) {
  const move = trpc.admin.catalog.moveCategory.useMutation();
  const [error, setError] = useState<string | null>(null);
  const shift = async (node: Node, index: number, by: number) => {
    setError(null);
    try {
      await move.mutateAsync({ categoryId: node.category.id, parentId: node.category.parentId, position: index + by });
      onMoved(`Moved ${node.category.name} ${by < 0 ? "up" : "down"}.`);
    } catch (failure) {
      // Whatever the API names (the position, or a sibling list changed meanwhile), shown above the tree.
      setError(Object.values(serverErrors(failure))[0] ?? null);
    }
  };
  return (
    <>
      <FormError message={error ?? undefined} />
      <ul className="flex flex-col gap-1" role={nodes[0]?.depth === 0 ? "tree" : "group"} aria-label={nodes[0]?.depth === 0 ? "Categories" : undefined}>
        {nodes.map((node, index) => (
          <li key={node.category.id} role="treeitem" aria-selected={node.category.id === selectedId} aria-expanded={node.children.length > 0 ? true : undefined}>
            <div className={`flex items-center gap-2 rounded-lg px-2 py-1 ${node.category.id === selectedId ? "bg-teal-50" : "hover:bg-slate-50"}`}>
              <button type="button" className="min-w-0 flex-1 truncate text-left font-medium text-slate-900 hover:text-teal-800" onClick={() => onSelect(node.category.id)}>
                {node.category.name}
              </button>
              {node.category.archivedAt && <Badge tone="amber">Archived</Badge>}
              <button
                type="button"
                className="rounded px-2 py-1 text-sm text-slate-700 hover:bg-slate-100 disabled:opacity-40"
                aria-label={`Move ${node.category.name} up`}
                disabled={index === 0 || move.isPending}
                onClick={() => void shift(node, index, -1)}
              >
                ↑
              </button>
              <button
                type="button"
                className="rounded px-2 py-1 text-sm text-slate-700 hover:bg-slate-100 disabled:opacity-40"
                aria-label={`Move ${node.category.name} down`}
                disabled={index === nodes.length - 1 || move.isPending}
                onClick={() => void shift(node, index, 1)}
              >
                ↓
              </button>
            </div>
            {node.children.length > 0 && (
              <div className="ml-5 border-l border-slate-200 pl-2">
                <CategoryList nodes={node.children} selectedId={selectedId} onSelect={onSelect} onMoved={onMoved} />
              </div>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

/** A parent `<select>`: the top level, then every category not in `excluded` (the category's own subtree). */
function ParentSelect({ tree, excluded, defaultValue, error }: { tree: Node[]; excluded: Set<string>; defaultValue: string; error?: string | undefined }) {
  return (
    <SelectField label="Parent" name="parentId" defaultValue={defaultValue} error={error}>
      <option value="">Top level</option>
      {flatten(tree)
        .filter((node) => !excluded.has(node.category.id) && !node.category.archivedAt)
        .map((node) => (
          <option key={node.category.id} value={node.category.id}>
            {indented(node)}
          </option>
        ))}
    </SelectField>
  );
}

function NewCategory({ tree, onCreated }: { tree: Node[]; onCreated: (category: Category) => void }) {
  const create = trpc.admin.catalog.createCategory.useMutation();
  const { errors, submit } = useSchemaForm(categoryInput, create);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    void submit({ name: formText(form, "name"), parentId: formText(form, "parentId") || null, description: formText(form, "description") }, (category) => {
      formElement.reset();
      onCreated(category);
    });
  };
  return (
    <Panel title="New category">
      <form noValidate onSubmit={onSubmit} className="flex flex-col gap-3" aria-label="New category">
        <FormError message={errors.form} />
        <Field label="Name" name="name" error={errors.name} />
        <ParentSelect tree={tree} excluded={new Set()} defaultValue="" error={errors.parentId} />
        <TextAreaField label="Description (shown on the shop's category page)" name="description" error={errors.description} />
        <SubmitButton busy={create.isPending}>Create category</SubmitButton>
      </form>
    </Panel>
  );
}

function EditCategory({ node, tree, onDone }: { node: Node; tree: Node[]; onDone: (message: string) => void }) {
  const { category } = node;
  const update = trpc.admin.catalog.updateCategory.useMutation();
  const move = trpc.admin.catalog.moveCategory.useMutation();
  const archive = trpc.admin.catalog.archiveCategory.useMutation();
  const restore = trpc.admin.catalog.restoreCategory.useMutation();
  const { errors, setErrors, submit } = useSchemaForm(categoryUpdateInput, update);
  const [image, setImage] = useState<{ key: string | null; url: string | null }>({ key: category.imageKey, url: category.image });
  const [uploading, setUploading] = useState(false);
  const [moveErrors, setMoveErrors] = useState<FieldErrors>({});

  const save = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    void submit(
      { categoryId: category.id, name: formText(form, "name"), description: formText(form, "description"), image: image.key },
      (after) => onDone(`Saved ${after.name}.`),
    );
  };
  const reparent = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parentId = formText(new FormData(event.currentTarget), "parentId") || null;
    setMoveErrors({});
    try {
      await move.mutateAsync({ categoryId: category.id, parentId, position: null });
      onDone(`Moved ${category.name}.`);
    } catch (failure) {
      setMoveErrors(serverErrors(failure));
    }
  };
  const toggleArchive = async () => {
    setMoveErrors({});
    try {
      if (category.archivedAt) await restore.mutateAsync({ categoryId: category.id });
      else await archive.mutateAsync({ categoryId: category.id });
      onDone(`${category.archivedAt ? "Restored" : "Archived"} ${category.name}.`);
    } catch (failure) {
      setMoveErrors(serverErrors(failure));
    }
  };
  const pick = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.currentTarget.files?.[0];
    if (!file) return;
    setUploading(true);
    try {
      const stored = await uploadImage(file);
      setImage({ key: stored.key, url: stored.url });
    } catch (failure) {
      setErrors({ image: (failure as Error).message });
    } finally {
      setUploading(false);
    }
  };

  return (
    <Panel title={`Edit ${category.name}`}>
      <form noValidate onSubmit={save} className="flex flex-col gap-3" aria-label="Edit category">
        <FormError message={errors.form} />
        <Field label="Name" name="name" defaultValue={category.name} error={errors.name} />
        <TextAreaField label="Description (shown on the shop's category page)" name="description" defaultValue={category.description} error={errors.description} />
        <div className="flex flex-col gap-2 text-sm">
          <span className="font-medium text-slate-700">Picture</span>
          {image.url ? <img src={image.url} alt="" className="h-24 w-24 rounded-lg object-cover" /> : <span className="text-slate-600">No picture.</span>}
          <div className="flex flex-wrap items-center gap-2">
            <label className={`${button.secondary} cursor-pointer text-sm`}>
              {uploading ? "Uploading…" : "Upload picture"}
              <input type="file" accept="image/jpeg,image/png,image/webp" className="sr-only" onChange={(e) => void pick(e)} />
            </label>
            {image.key && (
              <button type="button" className={button.link} onClick={() => setImage({ key: null, url: null })}>
                Remove picture
              </button>
            )}
          </div>
          {errors.image && <p className="text-red-700">{errors.image}</p>}
        </div>
        <SubmitButton busy={update.isPending}>Save</SubmitButton>
      </form>
      <form noValidate onSubmit={(e) => void reparent(e)} className="mt-6 flex flex-col gap-3 border-t border-slate-100 pt-4" aria-label="Move category">
        <ParentSelect tree={tree} excluded={subtreeIds(node)} defaultValue={category.parentId ?? ""} error={moveErrors.parentId} />
        <button type="submit" className={`${button.secondary} w-fit`} disabled={move.isPending}>
          Move
        </button>
      </form>
      <div className="mt-6 flex flex-col gap-2 border-t border-slate-100 pt-4">
        <FormError message={moveErrors.categoryId ?? moveErrors.form} />
        <p className="text-sm text-slate-600">
          {category.archivedAt
            ? "Archived: hidden from the shop. Restoring needs a live parent."
            : "Archiving hides it from the shop. It must first hold no live subcategory and no product on sale."}
        </p>
        <button type="button" className={`${category.archivedAt ? button.secondary : button.danger} w-fit`} onClick={() => void toggleArchive()}>
          {category.archivedAt ? "Restore" : "Archive"}
        </button>
      </div>
    </Panel>
  );
}
