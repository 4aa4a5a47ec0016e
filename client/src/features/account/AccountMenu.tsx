/**
 * The account button in the top bar and its menu: who is signed in, their colour on this device, the
 * coalitions, and signing out (which ends the session everywhere, including other tabs' live connections).
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { Account } from '../../api/authApi.ts';
import { describeError } from '../../api/http.ts';
import { handleLinkClick, navigate } from '../../app/router.ts';
import { useDeviceStore } from '../../stores/deviceStore.ts';
import { useSessionStore } from '../../stores/sessionStore.ts';
import { Avatar } from '../../ui/Avatar.tsx';
import { USER_COLORS } from '../../user/user.ts';

const COLOR_NAMES: Record<string, string> = {
  '#1f5fa8': 'Blue',
  '#0f7a55': 'Green',
  '#a23a8c': 'Magenta',
  '#b4441b': 'Rust',
  '#5b4bb7': 'Violet',
  '#006f86': 'Teal',
  '#8a5a00': 'Ochre',
  '#b3283f': 'Red',
};

export function AccountMenu({ account }: { account: Account }) {
  const color = useDeviceStore((s) => s.color);
  const setColor = useDeviceStore((s) => s.setColor);
  const signOut = useSessionStore((s) => s.signOut);
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
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

  const handleSignOut = async () => {
    setBusy(true);
    setError(null);
    try {
      await signOut();
      navigate('/signin', { replace: true });
    } catch (err) {
      setBusy(false);
      setError(`${describeError(err)} Signing out needs the server, to end your session everywhere.`);
    }
  };

  return (
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
        aria-label={`Account: ${account.name}`}
        data-testid="account-menu"
        onClick={() => setOpen(!open)}
      >
        <Avatar name={account.name} color={color} size="sm" label="" />
        <span className="user-chip__name">{account.name}</span>
      </button>
      {open && (
        <div className="account-menu__panel" id={panelId}>
          <div className="account-menu__who">
            <strong>{account.name}</strong>
            <span className="muted">{account.email}</span>
            {account.isAdmin && <span className="badge">Administrator of this Rightsdraft</span>}
          </div>
          <a href="/coalitions" className="account-menu__item" onClick={(e) => (setOpen(false), handleLinkClick(e))}>
            Your coalitions
          </a>
          <fieldset className="account-menu__colors">
            <legend>Your colour on this device</legend>
            <div className="color-choices">
              {USER_COLORS.map((c) => (
                <label key={c} className="color-choice" style={{ backgroundColor: c }} title={COLOR_NAMES[c]}>
                  <input type="radio" name={`${panelId}-color`} value={c} checked={c === color} onChange={() => setColor(c)} />
                  <span className="visually-hidden">{COLOR_NAMES[c]}</span>
                </label>
              ))}
            </div>
          </fieldset>
          {error && (
            <p className="field__error" role="alert">
              {error}
            </p>
          )}
          <button type="button" className="account-menu__item account-menu__signout" onClick={handleSignOut} disabled={busy}>
            {busy ? 'Signing out…' : 'Sign out'}
          </button>
        </div>
      )}
    </div>
  );
}
