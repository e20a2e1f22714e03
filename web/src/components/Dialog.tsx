// A modal dialog on the native <dialog> element: the page behind is inert,
// Tab and Shift+Tab cycle inside it, Escape closes it, and focus returns to
// what had it before. Render it only while it is open:
//   {open && <Dialog title={t('keys.createdTitle')} onClose={() => setOpen(false)}>…</Dialog>}
import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef } from 'preact/hooks';
import { useI18n } from '../context.ts';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), ' +
  'textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

export function Dialog(props: {
  title: string;
  onClose: () => void;
  children: ComponentChildren;
  /** Buttons at the bottom; a close button is always in the title bar. */
  actions?: ComponentChildren;
  wide?: boolean;
}) {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const onClose = useRef(props.onClose);
  onClose.current = props.onClose;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    // Focus the first input if there is one, else the first button.
    const first =
      dialog.querySelector<HTMLElement>('[autofocus], .dialog-body input, .dialog-body textarea, .dialog-body select') ??
      dialog.querySelector<HTMLElement>(FOCUSABLE);
    first?.focus();
    const onCancel = (e: Event) => {
      e.preventDefault(); // Escape: close through our state, not the browser alone
      onClose.current();
    };
    const onKey = (e: KeyboardEvent) => {
      // A dialog opened from this one handles its own keys.
      if (e.key !== 'Tab' || (e.target as Element | null)?.closest('dialog') !== dialog) return;
      const items = [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.offsetParent !== null);
      if (items.length === 0) return;
      const firstItem = items[0]!;
      const lastItem = items[items.length - 1]!;
      if (e.shiftKey && document.activeElement === firstItem) {
        e.preventDefault();
        lastItem.focus();
      } else if (!e.shiftKey && document.activeElement === lastItem) {
        e.preventDefault();
        firstItem.focus();
      }
    };
    dialog.addEventListener('cancel', onCancel);
    dialog.addEventListener('keydown', onKey);
    return () => {
      dialog.removeEventListener('cancel', onCancel);
      dialog.removeEventListener('keydown', onKey);
      if (dialog.open) dialog.close();
      if (opener && opener.isConnected) opener.focus();
    };
  }, []);

  return (
    <dialog ref={ref} class={`dialog${props.wide ? ' dialog-wide' : ''}`} aria-labelledby={titleId}>
      <div class="dialog-header">
        <h2 id={titleId}>{props.title}</h2>
        <button type="button" class="button-icon" aria-label={t('dialog.close')} onClick={() => props.onClose()}>
          ×
        </button>
      </div>
      <div class="dialog-body">{props.children}</div>
      {props.actions && <div class="dialog-actions">{props.actions}</div>}
    </dialog>
  );
}

/** A yes/no question before a destructive action. */
export function ConfirmDialog(props: {
  title: string;
  message: ComponentChildren;
  confirmLabel: string;
  busy?: boolean;
  error?: ComponentChildren;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  return (
    <Dialog
      title={props.title}
      onClose={props.onClose}
      actions={
        <>
          <button type="button" class="button-secondary" onClick={props.onClose}>
            {t('common.cancel')}
          </button>
          <button type="button" class="button-danger" disabled={props.busy} onClick={props.onConfirm}>
            {props.confirmLabel}
          </button>
        </>
      }
    >
      <p>{props.message}</p>
      {props.error}
    </Dialog>
  );
}
