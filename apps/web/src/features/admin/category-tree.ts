/** A category with its children, in sibling order: the tree the categories page draws from the flat list. */
export interface TreeNode<C> {
  category: C;
  depth: number;
  children: TreeNode<C>[];
}

/**
 * Builds the tree from the API's flat list (already in sibling order). A category whose parent is
 * missing from the list is shown at the top level rather than lost.
 */
export function buildTree<C extends { id: string; parentId: string | null }>(categories: readonly C[]): TreeNode<C>[] {
  const ids = new Set(categories.map((c) => c.id));
  const byParent = new Map<string | null, C[]>();
  for (const category of categories) {
    const parent = category.parentId !== null && ids.has(category.parentId) ? category.parentId : null;
    byParent.set(parent, [...(byParent.get(parent) ?? []), category]);
  }
  const seen = new Set<string>();
  const grow = (parentId: string | null, depth: number): TreeNode<C>[] =>
    (byParent.get(parentId) ?? [])
      .filter((category) => !seen.has(category.id) && seen.add(category.id))
      .map((category) => ({ category, depth, children: grow(category.id, depth + 1) }));
  return grow(null, 0);
}

/** The tree flattened depth first, for a `<select>` of parents ("— Kitchen" under "Home"). */
export function flatten<C>(nodes: readonly TreeNode<C>[]): TreeNode<C>[] {
  return nodes.flatMap((node) => [node, ...flatten(node.children)]);
}

/** The category's id and every id below it: none of them may become its parent. */
export function subtreeIds<C extends { id: string }>(node: TreeNode<C>): Set<string> {
  return new Set([node.category.id, ...flatten(node.children).map((child) => child.category.id)]);
}
