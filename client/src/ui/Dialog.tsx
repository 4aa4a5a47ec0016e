import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { wrapTab } from './focusTrap.ts';

/**
 * A modal built on the native <dialog>: the browser makes the page inert (Tab wraps round inside: focusTrap.ts), closes on Escape and
 * gives focus back to where it was. `onClose` runs for Escape and for the close button; the parent owns `open`.
 * On opening, focus goes to the element marked `data-autofocus`, else the first field (React's autoFocus fires
 * before the dialog is shown, when nothing in it can take focus).
 */
export function Dialog({
  open,
  onClose,
  title,
  children,
  dismissible = true,
  className = '',
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  children: ReactNode;
  dismissible?: boolean;
  className?: string;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  // Focus goes back where it was also when the parent removes a dialog that is still open (Compare's overlay is
  // unmounted rather than closed): the browser restores it only on close().
  useEffect(() => {
    if (!open) return;
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    return () => {
      requestAnimationFrame(() => {
        const lost = !document.activeElement || document.activeElement === document.body;
        if (lost && before?.isConnected) before.focus();
      });
    };
  }, [open]);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      const target =
        dialog.querySelector<HTMLElement>('[data-autofocus]') ??
        dialog.querySelector<HTMLElement>('.dialog__body input:not([type=hidden]):not([disabled]), .dialog__body select, .dialog__body textarea');
      target?.focus();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className={`dialog ${className}`}
      aria-labelledby={titleId}
      onKeyDown={wrapTab}
      onCancel={(e) => {
        e.preventDefault();
        if (dismissible) onClose();
      }}
    >
      <div className="dialog__head">
        <h2 id={titleId} className="dialog__title">
          {title}
        </h2>
        {dismissible && (
          <button type="button" className="icon-button" aria-label={t('common.close')} onClick={onClose}>
            ×
          </button>
        )}
      </div>
      <div className="dialog__body">{open && children}</div>
    </dialog>
  );
}
