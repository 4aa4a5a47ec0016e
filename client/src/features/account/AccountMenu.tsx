/**
 * The account button in the top bar and its menu: who is signed in, their colour on this device, whether the
 * device is shared, the account settings, the coalitions, administration (for administrators), and signing out
 * (a dialog: see SignOutDialog.tsx).
 */
import { useEffect, useId, useRef, useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitcher } from '../../i18n/LanguageSwitcher.tsx';
import { ThemeChoice } from '../../display/ThemeChoice.tsx';
import type { Account } from '../../api/authApi.ts';
import { handleLinkClick } from '../../app/router.ts';
import { useSharedDevice } from '../../auth/sharedDevice.ts';
import { useDeviceStore } from '../../stores/deviceStore.ts';
import { Avatar } from '../../ui/Avatar.tsx';
import { USER_COLORS } from '../../user/user.ts';
import { SignOutDialog } from './SignOutDialog.tsx';

/** Message keys of the colours' names. */
const COLOR_NAMES: Record<string, string> = {
  '#1f5fa8': 'colour.blue',
  '#0f7a55': 'colour.green',
  '#a23a8c': 'colour.magenta',
  '#b4441b': 'colour.rust',
  '#5b4bb7': 'colour.violet',
  '#006f86': 'colour.teal',
  '#8a5a00': 'colour.ochre',
  '#b3283f': 'colour.red',
};

export function AccountMenu({ account }: { account: Account }) {
  const { t } = useTranslation();
  const color = useDeviceStore((s) => s.color);
  const setColor = useDeviceStore((s) => s.setColor);
  const shared = useSharedDevice((s) => s.shared);
  const setShared = useSharedDevice((s) => s.setShared);
  const [open, setOpen] = useState(false);
  const [signingOut, setSigningOut] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    rootRef.current?.querySelector<HTMLElement>('.account-menu__panel a, .account-menu__panel button')?.focus();
    const handlePointer = (e: PointerEvent) => {
      if (!rootRef.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', handlePointer);
    return () => document.removeEventListener('pointerdown', handlePointer);
  }, [open]);

  const close = () => {
    setOpen(false);
    toggleRef.current?.focus();
  };

  const follow = (e: MouseEvent<HTMLAnchorElement>) => {
    setOpen(false);
    handleLinkClick(e);
  };

  return (
    <>
      <div
        className="account-menu"
        ref={rootRef}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && open) {
            e.preventDefault();
            e.stopPropagation();
            close();
          }
        }}
        onBlur={(e) => {
          if (open && !rootRef.current?.contains(e.relatedTarget as Node | null)) setOpen(false);
        }}
      >
        <button
          ref={toggleRef}
          type="button"
          className="user-chip"
          aria-expanded={open}
          aria-controls={panelId}
          data-testid="account-menu"
          onClick={() => setOpen(!open)}
        >
          <Avatar name={account.name} color={color} size="sm" label="" />
          {/* The name, also where the visible one is hidden (phones), without an aria-label over other words. */}
          <span className="visually-hidden">{account.name}</span>
          <span className="user-chip__name" aria-hidden="true">
            {account.name}
          </span>
        </button>
        {open && (
          <div className="account-menu__panel" id={panelId}>
            <div className="account-menu__who">
              <strong>{account.name}</strong>
              <span className="muted">{account.email}</span>
              {account.isAdmin && <span className="badge">{t('account.adminBadge')}</span>}
            </div>
            <a href="/account" className="account-menu__item" onClick={follow}>
              {t('account.settings')}
            </a>
            <a href="/coalitions" className="account-menu__item" onClick={follow}>
              {t('account.coalitions')}
            </a>
            {account.isAdmin && (
              <a href="/admin" className="account-menu__item" onClick={follow}>
                {t('account.administration')}
              </a>
            )}
            <fieldset className="account-menu__colors">
              <legend>{t('account.colour')}</legend>
              <div className="color-choices">
                {USER_COLORS.map((c) => (
                  <label key={c} className="color-choice" style={{ backgroundColor: c }} title={t(COLOR_NAMES[c] ?? 'colour.blue')}>
                    <input type="radio" name={`${panelId}-color`} value={c} checked={c === color} onChange={() => setColor(c)} />
                    <span className="visually-hidden">{t(COLOR_NAMES[c] ?? 'colour.blue')}</span>
                  </label>
                ))}
              </div>
            </fieldset>
            <label className="tick account-menu__shared">
              <input type="checkbox" checked={shared} onChange={(e) => setShared(e.target.checked)} />
              <span>
                <span className="tick__label">{t('auth.sharedDevice')}</span>
                <span className="field__help">{t('account.sharedHelp')}</span>
              </span>
            </label>
            <div className="account-menu__language">
              <LanguageSwitcher id={`${panelId}-language`} />
            </div>
            <ThemeChoice id={`${panelId}-contrast`} />
            <button
              type="button"
              className="account-menu__item account-menu__signout"
              onClick={() => {
                setOpen(false);
                setSigningOut(true);
              }}
            >
              {t('account.signOut')}
            </button>
          </div>
        )}
      </div>
      <SignOutDialog
        account={account}
        open={signingOut}
        onClose={() => {
          setSigningOut(false);
          toggleRef.current?.focus();
        }}
      />
    </>
  );
}
