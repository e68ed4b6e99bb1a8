import type { DemoAccount } from "./global-setup";

/**
 * A journey's direct line to the API over HTTP, for what a test arranges rather than walks
 * through (an admin crediting a wallet). tRPC's wire format with superjson: inputs go as
 * `{ json: … }`, answers come back as `result.data.json`.
 */
export async function signInOverHttp(baseUrl: string, account: DemoAccount) {
  const call = async <T>(procedure: string, input: unknown, token?: string, method: "GET" | "POST" = "POST"): Promise<T> => {
    const headers: Record<string, string> = { "content-type": "application/json", origin: baseUrl };
    if (token) headers.authorization = `Bearer ${token}`;
    const url =
      method === "GET"
        ? `${baseUrl}/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`
        : `${baseUrl}/trpc/${procedure}`;
    const response = await fetch(url, { method, headers, ...(method === "POST" ? { body: JSON.stringify({ json: input }) } : {}) });
    const body = (await response.json()) as { result?: { data: { json: T } }; error?: { json: { message: string } } };
    if (!response.ok || !body.result) throw new Error(`${procedure} answered ${response.status}: ${body.error?.json.message ?? "no result"}`);
    return body.result.data.json;
  };
  const { accessToken } = await call<{ accessToken: string }>("auth.login", account);
  return {
    query: <T>(procedure: string, input: unknown) => call<T>(procedure, input, accessToken, "GET"),
    mutate: <T>(procedure: string, input: unknown) => call<T>(procedure, input, accessToken),
  };
}

/** Credits a shopper's wallet as the demo admin would in the console (`admin.wallet.adjust`). */
export async function creditWallet(baseUrl: string, admin: DemoAccount, shopperEmail: string, amountMinor: number): Promise<void> {
  const api = await signInOverHttp(baseUrl, admin);
  const users = await api.query<{ items: { id: string; email: string }[] }>("admin.users.list", { search: shopperEmail });
  const shopper = users.items.find((user) => user.email === shopperEmail);
  if (!shopper) throw new Error(`no user ${shopperEmail}`);
  await api.mutate("admin.wallet.adjust", {
    userId: shopper.id,
    amountMinor,
    reason: "Journey credit for a wallet checkout",
    idempotencyKey: `journey_${Date.now()}`,
  });
}

/**
 * What an admin journey works on, arranged as a shopper would have done it: a new account, wallet
 * money credited by `admin`, and an order of two units of the cheapest thing in stock paid from the
 * wallet — with `couponCode` applied when given.
 */
export async function placeWalletOrder(
  baseUrl: string,
  admin: DemoAccount,
  options: { email: string; name: string; couponCode?: string },
): Promise<{ orderId: string; orderNumber: string; total: { minor: number; currency: string }; shopper: Awaited<ReturnType<typeof signInOverHttp>> }> {
  const account = { email: options.email, password: "a journey passphrase" };
  const registered = await fetch(`${baseUrl}/trpc/auth.register`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: baseUrl },
    body: JSON.stringify({ json: { ...account, name: options.name } }),
  });
  if (!registered.ok) throw new Error(`auth.register answered ${registered.status}`);
  await creditWallet(baseUrl, admin, options.email, 1_000_000);
  const shopper = await signInOverHttp(baseUrl, account);
  const catalog = await shopper.query<{ items: { variants: { id: string; inStock: boolean }[] }[] }>("catalog.list", { inStock: true, sort: "price_asc", limit: 5 });
  const variant = catalog.items.flatMap((product) => product.variants).find((v) => v.inStock);
  if (!variant) throw new Error("the seeded catalog has nothing in stock");
  await shopper.mutate("cart.add", { variantId: variant.id, quantity: 2 });
  if (options.couponCode) await shopper.mutate("cart.applyCoupon", { code: options.couponCode });
  const placed = await shopper.mutate<{ orderId: string; orderNumber: string; total: { minor: number; currency: string } }>("order.place", {
    address: { name: "Asha Journey", phone: "+91 98765 43210", line1: "12 MG Road", city: "Bengaluru", state: "Karnataka", postalCode: "560001" },
    deliveryOptionId: "standard",
    paymentMethod: "wallet",
    idempotencyKey: `journey_order_${Date.now()}`,
  });
  return { ...placed, shopper };
}
