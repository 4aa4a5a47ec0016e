/**
 * The toolbar's "More" button on a narrow screen: a menu (WAI-ARIA menu button) of the formatting actions that
 * do not fit. Arrow keys move, Enter runs, Escape closes and returns to the button. Pressing an item keeps the
 * editor's selection (as the toolbar's buttons do).
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../ui/Icon.tsx';

export interface MoreAction {
  key: string;
  label: string;
  run: () => void;
  /** A toggle's state (bold, lists...); undefined for a plain action. */
  active?: boolean;
  disabled?: boolean;
}

export function MoreMenu({ actions, tabIndex }: { actions: MoreAction[]; tabIndex: number }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const menuId = useId();

  const items = () => [...(menuRef.current?.querySelectorAll<HTMLButtonElement>('[role^="menuitem"]:not([disabled])') ?? [])];

  useEffect(() => {
    if (!open) return;
    items()[0]?.focus();
    const close = (e: PointerEvent) => {
      if (!menuRef.current?.contains(e.target as Node) && !buttonRef.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', close);
    return () => document.removeEventListener('pointerdown', close);
  }, [open]);

  return (
    <div className="toolbar__more">
      <button
        ref={buttonRef}
        type="button"
        className="toolbar__button toolbar__button--labelled"
        data-toolbar-item
        tabIndex={tabIndex}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => setOpen((o) => !o)}
      >
        <Icon name="more" />
        <span>{t('toolbar.more')}</span>
      </button>
      {open && (
        <div
          ref={menuRef}
          id={menuId}
          role="menu"
          aria-label={t('toolbar.moreLabel')}
          className="toolbar__menu"
          onKeyDown={(e) => {
            const list = items();
            const at = list.indexOf(document.activeElement as HTMLButtonElement);
            if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
              e.preventDefault();
              e.stopPropagation();
              list[(at + (e.key === 'ArrowDown' ? 1 : -1) + list.length) % list.length]?.focus();
            } else if (e.key === 'Home' || e.key === 'End') {
              e.preventDefault();
              e.stopPropagation();
              list[e.key === 'Home' ? 0 : list.length - 1]?.focus();
            } else if (e.key === 'Escape' || e.key === 'Tab') {
              if (e.key === 'Escape') e.preventDefault();
              e.stopPropagation();
              setOpen(false);
              buttonRef.current?.focus();
            } else if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
              // Not the toolbar's own arrow keys while in the menu.
              e.stopPropagation();
            }
          }}
        >
          {actions.map((a) => (
            <button
              key={a.key}
              type="button"
              role={a.active === undefined ? 'menuitem' : 'menuitemcheckbox'}
              aria-checked={a.active === undefined ? undefined : a.active}
              className="toolbar__menu-item"
              disabled={a.disabled}
              tabIndex={-1}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => {
                setOpen(false);
                a.run();
              }}
            >
              {a.label}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
