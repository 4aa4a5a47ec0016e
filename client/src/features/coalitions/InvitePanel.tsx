/** Managers invite people by a link that carries a role; the link works once and expires. */
import { useId, useRef, useState, type FormEvent } from 'react';
import { ROLE_DESCRIPTIONS, ROLE_LABELS, ROLES, type Role } from '../../../../shared/api/roles.ts';
import { createInvitation, type Invitation } from '../../api/coalitionsApi.ts';
import { describeError } from '../../api/http.ts';
import { formatDateTime } from '../../ui/dates.ts';
import { invitationLink } from './invitations.ts';

const EXPIRY_CHOICES = [
  { hours: 24, label: '1 day' },
  { hours: 72, label: '3 days' },
  { hours: 168, label: '7 days' },
  { hours: 720, label: '30 days' },
] as const;

export function InvitePanel({ coalitionId, coalitionName }: { coalitionId: string; coalitionName: string }) {
  const [role, setRole] = useState<Role>('editor');
  const [hours, setHours] = useState<number>(168);
  const [created, setCreated] = useState<Invitation | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [copied, setCopied] = useState(false);
  const linkRef = useRef<HTMLInputElement>(null);
  const id = useId();

  const handleSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setCopied(false);
    try {
      setCreated(await createInvitation(coalitionId, role, hours));
      requestAnimationFrame(() => linkRef.current?.select());
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  };

  const handleCopy = async () => {
    const input = linkRef.current;
    if (!input) return;
    try {
      await navigator.clipboard.writeText(input.value);
    } catch {
      // No clipboard API (plain http on a LAN): copy the selected text the old way.
      input.select();
      document.execCommand('copy');
    }
    setCopied(true);
  };

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="panel__title">
        Invite people
      </h2>
      <p className="muted">Send a link to each person. It works once, for the role you choose here; you can change their role later.</p>
      <form className="invite-form" onSubmit={handleSubmit}>
        <div className="field">
          <label htmlFor={`${id}-role`}>Role on the coalition’s reports</label>
          <select id={`${id}-role`} className="input select" value={role} onChange={(e) => setRole(e.target.value as Role)} aria-describedby={`${id}-role-help`}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </select>
          <p id={`${id}-role-help`} className="field__help">
            {ROLE_DESCRIPTIONS[role]}.
          </p>
        </div>
        <div className="field">
          <label htmlFor={`${id}-expiry`}>Link expires after</label>
          <select id={`${id}-expiry`} className="input select" value={hours} onChange={(e) => setHours(Number(e.target.value))}>
            {EXPIRY_CHOICES.map((c) => (
              <option key={c.hours} value={c.hours}>
                {c.label}
              </option>
            ))}
          </select>
        </div>
        <div className="invite-form__submit">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? 'Creating…' : 'Create invitation link'}
          </button>
        </div>
      </form>
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      {created && (
        <div className="invite-link" data-testid="invitation">
          <label htmlFor={`${id}-link`} className="invite-link__label">
            Invitation to join {coalitionName} as {ROLE_LABELS[created.role].toLowerCase()}
          </label>
          <div className="invite-link__row">
            <input id={`${id}-link`} ref={linkRef} className="input invite-link__url" readOnly value={invitationLink(created)} onFocus={(e) => e.target.select()} />
            <button type="button" className="button" onClick={handleCopy}>
              {copied ? 'Copied' : 'Copy link'}
            </button>
          </div>
          <p className="field__help" role="status">
            {copied ? 'The link is on your clipboard. ' : ''}Expires {formatDateTime(created.expiresAt)}. It works for one person, once.
          </p>
          {created.warning && (
            <p className="field__help invite-link__note" data-testid="invitation-public-url-note">
              This link uses the address you opened Rightsdraft at, because the server’s public address is not set. Check
              that the people you invite can open it. For the administrator: set PUBLIC_URL to the address everyone uses.
            </p>
          )}
        </div>
      )}
    </section>
  );
}
