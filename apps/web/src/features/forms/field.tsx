import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from "react";
import { button, input } from "../ui/styles";

interface ControlIds {
  id: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
}

/**
 * The one label-and-error frame every field uses: the label names the control, and the error is
 * announced to screen readers and tied to the control by `aria-describedby`.
 */
function Labelled({ label, hint, error, children }: FieldProps & { children: (control: ControlIds) => ReactNode }) {
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ");
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-700">
        {label}
      </label>
      {hint && (
        <p id={hintId} className="text-xs text-slate-600">
          {hint}
        </p>
      )}
      {children({ id, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy || undefined })}
      {error && (
        <p id={errorId} role="alert" className="text-sm text-red-600">
          {error}
        </p>
      )}
    </div>
  );
}

interface FieldProps {
  label: string;
  /** What the field is for, read out with it (`aria-describedby`). */
  hint?: string | undefined;
  error?: string | undefined;
}

export function Field({ label, hint, error, ...rest }: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <Labelled label={label} hint={hint} error={error}>
      {(control) => <input {...control} className={input} {...rest} />}
    </Labelled>
  );
}

export function SelectField({ label, error, children, ...rest }: FieldProps & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <Labelled label={label} error={error}>
      {(control) => (
        <select {...control} className={input} {...rest}>
          {children}
        </select>
      )}
    </Labelled>
  );
}

export function TextAreaField({ label, error, ...rest }: FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return <Labelled label={label} error={error}>{(control) => <textarea {...control} rows={3} className={input} {...rest} />}</Labelled>;
}

export function FormError({ message }: { message?: string | undefined }) {
  if (!message) return null;
  return (
    <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700">
      {message}
    </p>
  );
}

export function SubmitButton({ busy, children }: { busy: boolean; children: string }) {
  return (
    <button type="submit" disabled={busy} className={button.primary}>
      {busy ? "Please wait…" : children}
    </button>
  );
}
