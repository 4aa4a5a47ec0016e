/**
 * Keeps Tab inside a modal dialog. The native <dialog> makes the page inert, but Tab past its last control
 * leaves for the browser's own interface (and focus lands on nothing in the page); here it wraps round to the
 * first control, and Shift+Tab from the first to the last.
 */
const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]):not([type=hidden]), select:not([disabled]), textarea:not([disabled]), [contenteditable="true"], [tabindex]:not([tabindex="-1"])';

function focusables(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => !el.closest('[hidden], [inert]') && el.getClientRects().length > 0);
}

/** A keydown handler for the dialog: wraps Tab at either end. */
export function wrapTab(event: { key: string; shiftKey: boolean; currentTarget: HTMLElement; preventDefault(): void }): void {
  if (event.key !== 'Tab') return;
  const items = focusables(event.currentTarget);
  if (items.length === 0) return;
  const first = items[0]!;
  const last = items[items.length - 1]!;
  const active = document.activeElement;
  if (event.shiftKey && (active === first || !event.currentTarget.contains(active))) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && (active === last || !event.currentTarget.contains(active))) {
    event.preventDefault();
    first.focus();
  }
}
