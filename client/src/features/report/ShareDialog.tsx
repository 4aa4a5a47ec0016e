/**
 * The people on a report and their roles. Owners give a role by e-mail, change or withdraw it, and can delete
 * the report; everyone else sees the list read-only, with where each role comes from.
 */
import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { ROLE_LABELS, ROLES, type Role } from '../../../../shared/api/roles.ts';
import { ApiError, describeError } from '../../api/http.ts';
import { addReportMember, fetchReportMembers, removeReportMember, type ReportMember } from '../../api/reportsApi.ts';
import { roleDescription } from '../../auth/permissions.ts';
import { useAuthInfo } from '../account/useAuthInfo.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { RoleBadge } from '../../ui/RoleBadge.tsx';

const VIA_LABELS: Record<ReportMember['via'], string> = {
  owner: 'owner',
  direct: 'direct',
  coalition: 'via coalition',
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
  return (
    <Dialog open={open} onClose={onClose} title={`People on “${reportTitle || 'Untitled report'}”`} className="dialog--wide">
      <ShareBody reportId={reportId} isOwner={isOwner} myUserId={myUserId} onDelete={onDelete} />
    </Dialog>
  );
}

function ShareBody({ reportId, isOwner, myUserId, onDelete }: { reportId: string; isOwner: boolean; myUserId: string | undefined; onDelete: () => void }) {
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
      setStatus(`${member.name} is now ${ROLE_LABELS[role].toLowerCase()} on this report.`);
      load();
    } catch (err) {
      setActionError(describeError(err));
    }
  };

  const withdraw = async (member: ReportMember) => {
    setActionError(null);
    try {
      await removeReportMember(reportId, member.userId);
      setStatus(`${member.name}’s role on this report was withdrawn.`);
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
          onAdded={(m) => (setStatus(`${m.name} was added as ${ROLE_LABELS[m.role].toLowerCase()}.`), load())}
          onInvited={(email) => setStatus(`We sent an invitation to ${email}. They appear here once they accept it.`)}
        />
      )}
      <div>
        <h3 className="share__heading" id={`${id}-people`}>
          Who has access
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
        {members === null && !loadError && <p className="muted">Loading…</p>}
        {members && (
          <ul className="share__list" aria-labelledby={`${id}-people`} data-testid="report-members">
            {members.map((m) => (
              <li key={m.userId} className="share__person" data-testid="report-member">
                <div className="member__who">
                  <span className="member__name">
                    {m.name}
                    {m.userId === myUserId && <span className="muted"> (you)</span>}
                  </span>
                  <span className="member__email muted">{m.email}</span>
                </div>
                <div className="share__role">
                  {isOwner && m.via !== 'owner' ? (
                    <select
                      className="input select input--small"
                      aria-label={`Role of ${m.name}`}
                      title={roleDescription(m.role)}
                      value={m.role}
                      onChange={(e) => void setRole(m, e.target.value as Role)}
                    >
                      {GRANTABLE.map((r) => (
                        <option key={r} value={r}>
                          {ROLE_LABELS[r]}
                        </option>
                      ))}
                    </select>
                  ) : (
                    <RoleBadge role={m.role} />
                  )}
                  <span className="share__via muted">{VIA_LABELS[m.via]}</span>
                </div>
                <div className="share__actions">
                  {isOwner && m.via === 'direct' && (
                    <button type="button" className="button button--small button--danger-ghost" onClick={() => void withdraw(m)} aria-label={`Remove ${m.name} from this report`}>
                      Remove
                    </button>
                  )}
                </div>
              </li>
            ))}
          </ul>
        )}
        <p className="field__help">
          Members of the report’s coalition have their coalition role here{isOwner ? '; choosing another role for one of them applies to this report only' : ''}.
        </p>
      </div>
      <p className="visually-hidden" role="status" aria-live="polite">
        {status}
      </p>
      {isOwner && (
        <div className="share__danger">
          <div>
            <strong>Delete this report</strong>
            <p className="muted">For everyone, on the server. People with a copy on their device keep it, read-only.</p>
          </div>
          <button type="button" className="button button--danger" onClick={onDelete}>
            Delete report…
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
      setError('Enter the e-mail address of their Rightsdraft account.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const added = await addReportMember(reportId, email.trim(), role);
      setEmail('');
      if ('status' in added) {
        setSent(`Invitation sent to ${added.email}. They appear in the list once they accept it.`);
        onInvited(added.email);
      } else onAdded(added);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : describeError(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="share__add" onSubmit={handleSubmit} noValidate aria-label="Add a person">
      <div className="field share__email">
        <label htmlFor={`${id}-email`}>Add a person by e-mail</label>
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
          placeholder="name@organisation.org"
          autoComplete="off"
          spellCheck={false}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : `${id}-help`}
        />
      </div>
      <div className="field share__add-role">
        <label htmlFor={`${id}-role`}>Role</label>
        <select id={`${id}-role`} className="input select" value={role} onChange={(e) => setRole(e.target.value as Role)} title={roleDescription(role)}>
          {GRANTABLE.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button button--primary share__add-button" disabled={busy}>
        {busy ? 'Adding…' : 'Add'}
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
          {mail ? 'We e-mail them an invitation link; they get the role when they accept it.' : 'They need an account on this Rightsdraft.'}{' '}
          {roleDescription(role)}.
        </p>
      )}
    </form>
  );
}
