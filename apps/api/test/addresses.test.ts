import { makeAddress } from "@bbscart/core/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount, type TestAccount } from "./accounts.js";
import { addProduct, address, newKey } from "./checkout-fixtures.js";
import { startApp, type RunningApp } from "./harness.js";
import { rest } from "./rest-client/http.js";
import { useTempDirs } from "./temp-dir.js";
import { call } from "./trpc-http.js";

type Book = { addresses: { id: string; state: string; phone: string; postalCode: string; line1: string; fixes: string[] }[] };

/** The address book over tRPC and REST alike: PIN, phone and state rules, edit, default, and what checkout accepts. */
describe("addresses", () => {
  const tempDir = useTempDirs();
  let app: RunningApp;
  let shopper: TestAccount;
  const typed = { name: "Asha Rao", phone: "+91 98765 43210", line1: "12 MG Road", city: "Bengaluru", state: "Karnataka", postalCode: "560001" };

  beforeAll(async () => {
    app = await startApp({ dataDir: tempDir(), variables: { MUTATIONS_PER_IP_PER_MINUTE: "100000" } });
    shopper = await createAccount(app);
  });
  afterAll(() => app.close());

  it("refuses a 4-digit PIN naming postalCode, on tRPC and REST", async () => {
    const trpc = await call(app.url, "auth.addAddress", { ...typed, postalCode: "5600" }, { token: shopper.token });
    expect(trpc.status).toBe(400);
    expect(trpc.error?.data.fieldErrors).toEqual([{ path: "postalCode", message: "PIN code must be 6 digits" }]);

    const viaRest = await rest(app.url, "POST", "/auth/me/addresses", { token: shopper.token, body: { ...typed, postalCode: "5600" } });
    expect(viaRest.status).toBe(422);
    expect((viaRest.body as { errors: unknown[] }).errors).toEqual([{ path: "postalCode", message: "PIN code must be 6 digits" }]);
    expect(((await app.db.repos.users.findById(shopper.user.id))?.addresses ?? []).length).toBe(0);
  });

  it("refuses an unknown state and a phone that is no mobile number, naming each field", async () => {
    const trpc = await call(app.url, "auth.addAddress", { ...typed, state: "Atlantis", phone: "12345" }, { token: shopper.token });
    expect(trpc.status).toBe(400);
    expect(trpc.error?.data.fieldErrors).toEqual([
      { path: "phone", message: "Enter a 10-digit mobile number" },
      { path: "state", message: "Pick a state or union territory from the list" },
    ]);
    const viaRest = await rest(app.url, "POST", "/auth/me/addresses", { token: shopper.token, body: { ...typed, state: "Atlantis" } });
    expect(viaRest.status).toBe(422);
    expect((viaRest.body as { errors: unknown[] }).errors).toEqual([{ path: "state", message: "Pick a state or union territory from the list" }]);
  });

  it("stores the state's code and the phone as E.164, then edits and sets the default over both surfaces", async () => {
    const first = await call(app.url, "auth.addAddress", { ...typed, phone: "098765 43210" }, { token: shopper.token });
    expect((first.data as Book).addresses).toEqual([expect.objectContaining({ state: "KA", phone: "+919876543210", postalCode: "560001", fixes: [] })]);
    const second = await rest(app.url, "POST", "/auth/me/addresses", { token: shopper.token, body: { ...typed, line1: "4 Park Street", city: "Kolkata", state: "WB", postalCode: "700016", phone: "9876543210" } });
    expect(second.status).toBe(200);
    const [home, work] = (second.body as Book).addresses;
    expect(work).toMatchObject({ state: "WB", phone: "+919876543210" });

    const edited = await rest(app.url, "PUT", `/auth/me/addresses/${work!.id}`, { token: shopper.token, body: { ...typed, line1: "5 Park Street", state: "west bengal", postalCode: "700017" } });
    expect(edited.status).toBe(200);
    expect((edited.body as Book).addresses[1]).toMatchObject({ id: work!.id, line1: "5 Park Street", state: "WB", postalCode: "700017" });
    const badEdit = await call(app.url, "auth.updateAddress", { ...typed, addressId: work!.id, postalCode: "056001" }, { token: shopper.token });
    expect(badEdit.error?.data.fieldErrors).toEqual([{ path: "postalCode", message: "PIN code must be 6 digits" }]);

    const byRest = await rest(app.url, "POST", `/auth/me/addresses/${work!.id}/default`, { token: shopper.token });
    expect(byRest.status).toBe(200);
    expect((byRest.body as Book).addresses.map((a) => a.id)).toEqual([work!.id, home!.id]);
    const byTrpc = await call(app.url, "auth.setDefaultAddress", { addressId: home!.id }, { token: shopper.token });
    expect((byTrpc.data as Book).addresses.map((a) => a.id)).toEqual([home!.id, work!.id]);
    expect((await rest(app.url, "POST", "/auth/me/addresses/no-such/default", { token: shopper.token })).status).toBe(404);
  });

  it("names what an address saved before the rules needs, and checkout refuses it until fixed", async () => {
    const legacy = makeAddress({ id: "legacy-1", state: "Bangalore", postalCode: "5600" });
    const owner = await createAccount(app, { addresses: [legacy] });
    const me = await rest(app.url, "GET", "/auth/me", { token: owner.token });
    expect((me.body as Book).addresses[0]).toMatchObject({ id: "legacy-1", state: "Bangalore", postalCode: "5600", fixes: ["state", "postalCode"] });

    const { variantId } = await addProduct(app, { stock: 5 });
    await app.services.cart.add({ userId: owner.user.id }, { variantId, quantity: 1 });
    const place = { addressId: "legacy-1", deliveryOptionId: "standard", paymentMethod: "cod" };
    const refused = await call(app.url, "order.place", { ...place, idempotencyKey: newKey() }, { token: owner.token });
    expect(refused.status).toBe(400);
    expect(refused.error).toMatchObject({ message: "This address needs fixing before delivery: State, PIN code", data: { reason: "ADDRESS_NEEDS_FIX" } });

    await call(app.url, "auth.updateAddress", { ...address, addressId: "legacy-1" }, { token: owner.token });
    const placed = await call(app.url, "order.place", { ...place, idempotencyKey: newKey() }, { token: owner.token });
    expect(placed.status).toBe(200);
  });
});
