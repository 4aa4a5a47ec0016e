/** Managers invite people by a link that carries a role; the link works once and expires. */
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../../../shared/api/roles.ts';
import { createInvitation, type Invitation } from '../../api/coalitionsApi.ts';
import { describeError } from '../../api/http.ts';
import { roleAllows, roleName } from '../../i18n/roleText.ts';
import { formatDateTime } from '../../ui/dates.ts';
import { invitationLink } from './invitations.ts';

/** How long a link may live, in hours; shown as days. */
const EXPIRY_CHOICES = [24, 72, 168, 720] as const;

export function InvitePanel({ coalitionId, coalitionName }: { coalitionId: string; coalitionName: string }) {
  const { t } = useTranslation();
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
        {t('coalitionsUi.invitePanel.title')}
      </h2>
      <p className="muted">{t('coalitionsUi.invitePanel.intro')}</p>
      <form className="invite-form" onSubmit={handleSubmit}>
        <div className="field">
          <label htmlFor={`${id}-role`}>{t('coalitionsUi.invitePanel.role')}</label>
          <select id={`${id}-role`} className="input select" value={role} onChange={(e) => setRole(e.target.value as Role)} aria-describedby={`${id}-role-help`}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {roleName(r, t)}
              </option>
            ))}
          </select>
          <p id={`${id}-role-help`} className="field__help">
            {t('coalitionsUi.invitePanel.roleHelp', { allows: roleAllows(role, t) })}
          </p>
        </div>
        <div className="field">
          <label htmlFor={`${id}-expiry`}>{t('coalitionsUi.invitePanel.expiry')}</label>
          <select id={`${id}-expiry`} className="input select" value={hours} onChange={(e) => setHours(Number(e.target.value))}>
            {EXPIRY_CHOICES.map((h) => (
              <option key={h} value={h}>
                {t('coalitionsUi.invitePanel.days', { count: h / 24 })}
              </option>
            ))}
          </select>
        </div>
        <div className="invite-form__submit">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? t('coalitionsUi.invitePanel.creating') : t('coalitionsUi.invitePanel.create')}
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
            {t('coalitionsUi.invitePanel.linkLabel', { coalition: coalitionName, role: created.role })}
          </label>
          <div className="invite-link__row">
            <input id={`${id}-link`} ref={linkRef} className="input invite-link__url" readOnly value={invitationLink(created)} onFocus={(e) => e.target.select()} />
            <button type="button" className="button" onClick={handleCopy}>
              {copied ? t('coalitionsUi.invitePanel.copied') : t('coalitionsUi.invitePanel.copy')}
            </button>
          </div>
          <p className="field__help" role="status">
            {t(copied ? 'coalitionsUi.invitePanel.copiedExpires' : 'coalitionsUi.invitePanel.expires', { when: formatDateTime(created.expiresAt) })}
          </p>
          {created.warning && (
            <p className="field__help invite-link__note" data-testid="invitation-public-url-note">
              {t('coalitionsUi.invitePanel.publicUrlNote')}
            </p>
          )}
        </div>
      )}
    </section>
  );
}
