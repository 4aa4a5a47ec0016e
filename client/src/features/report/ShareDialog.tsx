/**
 * The people on a report and their roles. Owners give a role by e-mail, change or withdraw it, and can delete
 * the report; everyone else sees the list read-only, with where each role comes from.
 */
import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../../../shared/api/roles.ts';
import { ApiError, describeError } from '../../api/http.ts';
import { addReportMember, fetchReportMembers, removeReportMember, type ReportMember } from '../../api/reportsApi.ts';
import { roleAllows, roleName } from '../../i18n/roleText.ts';
import { useAuthInfo } from '../account/useAuthInfo.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { RoleBadge } from '../../ui/RoleBadge.tsx';

/** Where a person's role comes from: message keys, translated where shown. */
const VIA_LABELS: Record<ReportMember['via'], string> = {
  owner: 'coalitionsUi.shareDialog.via.owner',
  direct: 'coalitionsUi.shareDialog.via.direct',
  coalition: 'coalitionsUi.shareDialog.via.coalition',
};

/** Roles an owner can give on the report (there is one owner). */
const GRANTABLE: Role[] = ROLES.filter((r) => r !== 'owner');

export function ShareDialog({
  open,
  onClose,
  reportId,
  reportTitle,
  isOwner,
  myUserId,
  onDelete,
}: {
  open: boolean;
  onClose: () => void;
  reportId: string;
  reportTitle: string;
  isOwner: boolean;
  myUserId: string | undefined;
  onDelete: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Dialog open={open} onClose={onClose} title={t('coalitionsUi.shareDialog.title', { title: reportTitle || t('report.untitled') })} className="dialog--wide">
      <ShareBody reportId={reportId} isOwner={isOwner} myUserId={myUserId} onDelete={onDelete} />
    </Dialog>
  );
}

function ShareBody({ reportId, isOwner, myUserId, onDelete }: { reportId: string; isOwner: boolean; myUserId: string | undefined; onDelete: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [members, setMembers] = useState<ReportMember[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const load = useCallback(() => {
    fetchReportMembers(reportId).then(setMembers, (err: unknown) => setLoadError(describeError(err)));
  }, [reportId]);
  useEffect(load, [load]);

  const setRole = async (member: ReportMember, role: Role) => {
    setActionError(null);
    try {
      await addReportMember(reportId, member.email, role);
      setStatus(t('coalitionsUi.shareDialog.roleChanged', { name: member.name, role }));
      load();
    } catch (err) {
      setActionError(describeError(err));
    }
  };

  const withdraw = async (member: ReportMember) => {
    setActionError(null);
    try {
      await removeReportMember(reportId, member.userId);
      setStatus(t('coalitionsUi.shareDialog.roleWithdrawn', { name: member.name }));
      load();
    } catch (err) {
      setActionError(describeError(err));
    }
  };

  return (
    <div className="form share">
      {isOwner && (
        <AddPerson
          reportId={reportId}
          onAdded={(m) => (setStatus(t('coalitionsUi.shareDialog.added', { name: m.name, role: m.role })), load())}
          onInvited={(email) => setStatus(t('coalitionsUi.shareDialog.invited', { email }))}
        />
      )}
      <div>
        <h3 className="share__heading" id={`${id}-people`}>
          {t('coalitionsUi.shareDialog.whoHasAccess')}
        </h3>
        {loadError && (
          <p className="field__error" role="alert">
            {loadError}
          </p>
        )}
        {actionError && (
          <p className="field__error" role="alert">
            {actionError}
          </p>
        )}
        {members === null && !loadError && <p className="muted">{t('common.loading')}</p>}
        {members && (
          <ul className="share__list" aria-labelledby={`${id}-people`} data-testid="report-members">
            {members.map((m) => (
              <li key={m.userId} className="share__person" data-testid="report-member">
                <div className="member__who">
                  <span className="member__name">
                    {m.name}
                    {m.userId === myUserId && <span className="muted"> {t('coalitionsUi.shareDialog.you')}</span>}
                  </span>
                  <span className="member__email muted">{m.email}</span>
                </div>
                <div className="share__role">
                  {isOwner && m.via !== 'owner' ? (
                    <select
                      className="input select input--small"
                      aria-label={t('coalitionsUi.shareDialog.roleOf', { name: m.name })}
                      title={t('role.description', { role: roleName(m.role, t), allows: roleAllows(m.role, t) })}
                      value={m.role}
                      onChange={(e) => void setRole(m, e.target.value as Role)}
                    >
                      {GRANTABLE.map((r) => (
                        <option key={r} value={r}>
                          {roleName(r, t)}
                        </option>
                      ))}
                    </select>
                  ) : (
                    <RoleBadge role={m.role} />
                  )}
                  <span className="share__via muted">{t(VIA_LABELS[m.via])}</span>
                </div>
                <div className="share__actions">
                  {isOwner && m.via === 'direct' && (
                    <button type="button" className="button button--small button--danger-ghost" onClick={() => void withdraw(m)} aria-label={t('coalitionsUi.shareDialog.removeFromReport', { name: m.name })}>
                      {t('coalitionsUi.shareDialog.remove')}
                    </button>
                  )}
                </div>
              </li>
            ))}
          </ul>
        )}
        <p className="field__help">
          {isOwner ? t('coalitionsUi.shareDialog.coalitionRolesOwner') : t('coalitionsUi.shareDialog.coalitionRoles')}
        </p>
      </div>
      <p className="visually-hidden" role="status" aria-live="polite">
        {status}
      </p>
      {isOwner && (
        <div className="share__danger">
          <div>
            <strong>{t('coalitionsUi.shareDialog.deleteTitle')}</strong>
            <p className="muted">{t('coalitionsUi.shareDialog.deleteHelp')}</p>
          </div>
          <button type="button" className="button button--danger" onClick={onDelete}>
            {t('coalitionsUi.shareDialog.deleteButton')}
          </button>
        </div>
      )}
    </div>
  );
}

function AddPerson({
  reportId,
  onAdded,
  onInvited,
}: {
  reportId: string;
  onAdded: (member: ReportMember) => void;
  onInvited: (email: string) => void;
}) {
  const { t } = useTranslation();
  const mail = useAuthInfo()?.mail ?? false;
  const [sent, setSent] = useState<string | null>(null);
  const id = useId();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('editor');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const handleSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (!email.trim()) {
      setError(t('coalitionsUi.shareDialog.emailRequired'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const added = await addReportMember(reportId, email.trim(), role);
      setEmail('');
      if ('status' in added) {
        setSent(t('coalitionsUi.shareDialog.invitationSent', { email: added.email }));
        onInvited(added.email);
      } else onAdded(added);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : describeError(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="share__add" onSubmit={handleSubmit} noValidate aria-label={t('coalitionsUi.shareDialog.addPerson')}>
      <div className="field share__email">
        <label htmlFor={`${id}-email`}>{t('coalitionsUi.shareDialog.addByEmail')}</label>
        <input
          id={`${id}-email`}
          className="input"
          type="email"
          value={email}
          onChange={(e) => {
            setEmail(e.target.value);
            setError(null);
            setSent(null);
          }}
          placeholder={t('coalitionsUi.shareDialog.emailPlaceholder')}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : `${id}-help`}
        />
      </div>
      <div className="field share__add-role">
        <label htmlFor={`${id}-role`}>{t('coalitionsUi.shareDialog.role')}</label>
        <select
          id={`${id}-role`}
          className="input select"
          value={role}
          onChange={(e) => setRole(e.target.value as Role)}
          title={t('role.description', { role: roleName(role, t), allows: roleAllows(role, t) })}
        >
          {GRANTABLE.map((r) => (
            <option key={r} value={r}>
              {roleName(r, t)}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button button--primary share__add-button" disabled={busy}>
        {busy ? t('coalitionsUi.shareDialog.adding') : t('coalitionsUi.shareDialog.add')}
      </button>
      {error ? (
        <p id={`${id}-error`} className="field__error share__add-message">
          {error}
        </p>
      ) : sent ? (
        <p id={`${id}-help`} className="field__help share__add-message">
          {sent}
        </p>
      ) : (
        <p id={`${id}-help`} className="field__help share__add-message">
          {t(mail ? 'coalitionsUi.shareDialog.helpMail' : 'coalitionsUi.shareDialog.helpNoMail', { role: roleName(role, t), allows: roleAllows(role, t) })}
        </p>
      )}
    </form>
  );
}
