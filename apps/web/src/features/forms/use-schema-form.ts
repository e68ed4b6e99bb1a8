import { useState } from "react";
import type { ZodType } from "zod";
import { serverErrors, validate, type FieldErrors } from "./field-errors";

/** The part of a tRPC (or any react-query) mutation a form needs. */
export interface Mutation<T, R> {
  mutateAsync: (input: T) => Promise<R>;
}

export interface SchemaSubmit<T, R> {
  /**
   * Parses with the schema: the value when it passes (and the errors cleared), `undefined` when it
   * does not (and the schema's messages shown by field).
   */
  check: (values: unknown) => T | undefined;
  /** Sends a checked value; on success runs `then`, on refusal shows the API's messages by field (the rest as `form`). */
  send: (value: T, then?: (result: R) => unknown) => Promise<void>;
  /** `check` then `send`: what a form's submit handler does. */
  submit: (values: unknown, then?: (result: R) => unknown) => Promise<void>;
}

/**
 * Validate → show errors → send → show the API's refusals, written once. The form's own state is
 * passed in (`setErrors`), so this runs, and is tested, without React.
 */
export function schemaSubmit<T, R>(schema: ZodType<T>, mutation: Mutation<NoInfer<T>, R>, setErrors: (errors: FieldErrors) => void): SchemaSubmit<T, R> {
  const check = (values: unknown) => {
    const parsed = validate(schema, values);
    setErrors(parsed.ok ? {} : parsed.errors);
    return parsed.ok ? parsed.value : undefined;
  };
  const send = async (value: T, then?: (result: R) => unknown) => {
    let result: R;
    try {
      result = await mutation.mutateAsync(value);
    } catch (error) {
      return setErrors(serverErrors(error));
    }
    await then?.(result);
  };
  return {
    check,
    send,
    submit: async (values, then) => {
      const value = check(values);
      if (value !== undefined) await send(value, then);
    },
  };
}

/**
 * A form that validates with the API's own zod schema (from `@bbscart/core/schemas`) before it
 * sends, and shows both the schema's and the API's refusals beside the fields they name. `errors`
 * is keyed by field path ("address.postalCode"); anything not about one field is under `form`.
 * `setErrors` is for checks the schema cannot make (an amount that does not parse).
 */
export function useSchemaForm<T, R>(schema: ZodType<T>, mutation: Mutation<NoInfer<T>, R>): SchemaSubmit<T, R> & { errors: FieldErrors; setErrors: (errors: FieldErrors) => void } {
  const [errors, setErrors] = useState<FieldErrors>({});
  return { errors, setErrors, ...schemaSubmit(schema, mutation, setErrors) };
}
