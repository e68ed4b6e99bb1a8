import { labelOf } from "@bbscart/core/schemas";
import { TRPCClientError } from "@trpc/client";
import type { ZodType } from "zod";

export type FieldErrors = Record<string, string>;

/** Validates with the same zod schema the API uses; returns the parsed value or messages by field. */
export function validate<T>(schema: ZodType<T>, values: unknown): { ok: true; value: T } | { ok: false; errors: FieldErrors } {
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, value: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) errors[issue.path.join(".") || "form"] ??= issue.message;
  return { ok: false, errors };
}

/** The API's refusal as messages by field (the API names them), with anything else under `form`. */
export function serverErrors(error: unknown): FieldErrors {
  if (!(error instanceof TRPCClientError)) return { form: "Something went wrong. Please try again." };
  const data = (error as TRPCClientError<never>).data as { fieldErrors?: { path: string; message: string }[] } | undefined;
  const errors: FieldErrors = {};
  for (const fieldError of data?.fieldErrors ?? []) errors[fieldError.path || "form"] ??= fieldError.message;
  if (Object.keys(errors).length === 0) errors.form = error.message;
  return errors;
}

/**
 * Whether the API refused the input itself, naming fields: asking again with the same input cannot
 * succeed, so a page shows the message (by the field where it can) and offers no "Try again".
 */
export function isInputRefusal(error: unknown): boolean {
  const data = (error as { data?: { fieldErrors?: unknown[] } } | null)?.data;
  return (data?.fieldErrors?.length ?? 0) > 0;
}

/** The messages of a nested object's fields (`address.city` → `city`), for a component that draws that object's inputs. */
export function fieldsUnder(errors: Partial<FieldErrors>, prefix: string): Partial<FieldErrors> {
  const start = `${prefix}.`;
  return Object.fromEntries(Object.entries(errors).filter(([path]) => path.startsWith(start)).map(([path, message]) => [path.slice(start.length), message]));
}

/** A text field of a submitted form ("" when absent; files are not text). */
export function formText(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}

/**
 * A message for what a form reads before the schema sees it (an amount typed as "12,5"), naming
 * the field by the schema's own label, as the schema's messages do: "Price must be an amount such as 499.00".
 */
export function fieldMessage(schema: ZodType, rest: string): string {
  return `${labelOf(schema) ?? "This field"} ${rest}`;
}
