/**
 * Calls the procedure at a dotted path ("catalog.list") on a server-side caller
 * (`router.createCaller(ctx)`): for surfaces that know a procedure by name (REST, first views).
 */
export function callByPath(caller: unknown, path: string, input: unknown): Promise<unknown> {
  const procedure = path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], caller);
  if (typeof procedure !== "function") return Promise.reject(new Error(`No procedure ${path}`));
  return (procedure as (input: unknown) => Promise<unknown>)(input);
}
