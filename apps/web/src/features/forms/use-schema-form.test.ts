import { loginInput } from "@bbscart/core/schemas";
import { TRPCClientError } from "@trpc/client";
import { describe, expect, it, vi } from "vitest";
import { type FieldErrors } from "./field-errors";
import { schemaSubmit } from "./use-schema-form";

type Login = { email: string; password: string };

/** A login form wired to a fake mutation, recording every errors map the form would show. */
function loginForm(mutateAsync: (input: Login) => Promise<string>) {
  const shown: FieldErrors[] = [];
  const mutation = { mutateAsync: vi.fn(mutateAsync) };
  const form = schemaSubmit(loginInput, mutation, (errors) => shown.push(errors));
  return { form, mutation, shown };
}

/** A refusal as the API sends it over the wire (see the error formatter in apps/api/src/trpc/init.ts). */
const refusal = (message: string, fieldErrors: { path: string; message: string }[]) =>
  TRPCClientError.from({ error: { message, code: -32600, data: { code: "BAD_REQUEST", httpStatus: 400, fieldErrors } } });

describe("a form that validates with the API's schema before it sends", () => {
  it("shows the schema's message beside each field and sends nothing when the input is refused", async () => {
    const { form, mutation, shown } = loginForm(() => Promise.resolve("token"));
    const then = vi.fn();
    await form.submit({ email: "not-an-email", password: "" }, then);
    expect(mutation.mutateAsync).not.toHaveBeenCalled();
    expect(then).not.toHaveBeenCalled();
    expect(shown).toHaveLength(1);
    expect(Object.keys(shown[0]!).sort()).toEqual(["email", "password"]);
    expect(shown[0]!.password).toBe("Password is required");
  });

  it("clears the errors, sends the parsed value and hands the answer on", async () => {
    const { form, mutation, shown } = loginForm(() => Promise.resolve("token"));
    const then = vi.fn();
    await form.submit({ email: "  asha@example.com ", password: "a long passphrase", extra: "dropped" }, then);
    expect(shown).toEqual([{}]);
    expect(mutation.mutateAsync).toHaveBeenCalledWith({ email: "asha@example.com", password: "a long passphrase" });
    expect(then).toHaveBeenCalledWith("token");
  });

  it("puts the API's refusals beside the fields they name, and does not run the success step", async () => {
    const { form, shown } = loginForm(() => Promise.reject(refusal("Email is taken; PIN code must be 6 digits", [
      { path: "email", message: "Email is taken" },
      { path: "address.postalCode", message: "PIN code must be 6 digits" },
      { path: "email", message: "a second message for the same field" },
    ])));
    const then = vi.fn();
    await form.submit({ email: "asha@example.com", password: "a long passphrase" }, then);
    expect(then).not.toHaveBeenCalled();
    expect(shown.at(-1)).toEqual({ email: "Email is taken", "address.postalCode": "PIN code must be 6 digits" });
  });

  it("shows a refusal that names no field as the form's error", async () => {
    const { form, shown } = loginForm(() => Promise.reject(refusal("Email or password is incorrect", [])));
    await form.submit({ email: "asha@example.com", password: "wrong one" });
    expect(shown.at(-1)).toEqual({ form: "Email or password is incorrect" });
  });

  it("says something went wrong when the failure is not an answer from the API", async () => {
    const { form, shown } = loginForm(() => Promise.reject(new TypeError("Failed to fetch")));
    await form.submit({ email: "asha@example.com", password: "a long passphrase" });
    expect(shown.at(-1)).toEqual({ form: "Something went wrong. Please try again." });
  });

  it("checks now and sends later, for forms that ask for a confirmation in between", async () => {
    const { form, mutation, shown } = loginForm(() => Promise.resolve("token"));
    expect(form.check({ email: "asha@example.com" })).toBeUndefined();
    expect(shown.at(-1)).toEqual({ password: "Password must be text" });
    const value = form.check({ email: "asha@example.com", password: "a long passphrase" });
    expect(value).toEqual({ email: "asha@example.com", password: "a long passphrase" });
    expect(mutation.mutateAsync).not.toHaveBeenCalled();
    const then = vi.fn();
    await form.send(value!, then);
    expect(then).toHaveBeenCalledWith("token");
  });
});
