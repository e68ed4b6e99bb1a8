import { useEffect, useId, useRef, type ReactNode } from "react";
import { button } from "./styles";

/**
 * A modal built on the native `<dialog>`: focus moves into it, Escape closes it, the page behind is
 * inert. Used for every irreversible action and for forms that need more than a click.
 */
export function Dialog({ open, title, onClose, children }: { open: boolean; title: string; onClose: () => void; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      aria-labelledby={id}
      onClose={onClose}
      className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-2xl border border-slate-200 p-0 shadow-xl backdrop:bg-slate-900/40"
    >
      {open && (
        <div className="flex flex-col gap-4 p-5">
          <h2 id={id} className="text-lg font-semibold text-slate-900">
            {title}
          </h2>
          {children}
        </div>
      )}
    </dialog>
  );
}

/** A confirmation for something that cannot be undone: the message, Back, and the action itself. */
export function ConfirmDialog({
  open,
  title,
  confirmLabel,
  busy = false,
  danger = false,
  onConfirm,
  onClose,
  children,
}: {
  open: boolean;
  title: string;
  confirmLabel: string;
  busy?: boolean;
  danger?: boolean;
  onConfirm: () => void;
  onClose: () => void;
  children: ReactNode;
}) {
  return (
    <Dialog open={open} title={title} onClose={onClose}>
      <div className="text-sm text-slate-700">{children}</div>
      <div className="flex justify-end gap-2">
        <button type="button" className={button.secondary} onClick={onClose}>
          Back
        </button>
        <button type="button" className={danger ? button.danger : button.primary} disabled={busy} onClick={onConfirm}>
          {busy ? "Please wait…" : confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
